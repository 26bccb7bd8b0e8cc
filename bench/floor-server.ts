import Fastify from 'fastify';

// The floor of this machine: the same framework answering a constant, with nothing else to do.
const app = Fastify({ logger: false });
app.get('/constant', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT ?? 3491), host: '127.0.0.1' });
