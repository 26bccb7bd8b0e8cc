import Fastify from 'fastify';
import { appSecurityHeaders, securityHeaderValues } from '../src/server/platform/http/security-headers.js';

// The floor of this machine: the same framework answering a constant, with nothing else to do.
const app = Fastify({ logger: false });
app.get('/constant', async () => ({ status: 'ok' }));

// For information beside it: the same framework sending, from memory, an answer of the detail's shape
// (its size, the security headers, an entity tag), so that what the answer's shape costs by itself
// on this machine and this client is told apart from what the application adds.
const headers = securityHeaderValues(appSecurityHeaders(false));
const bodies = new Map<number, Buffer>();
app.get<{ Querystring: { octets?: string } }>('/meme-forme', async (request, reply) => {
  const size = Math.min(Number(request.query.octets) || 1, 10_000_000);
  let body = bodies.get(size);
  if (!body) bodies.set(size, (body = Buffer.from(JSON.stringify({ x: 'x'.repeat(Math.max(0, size - 8)) }))));
  return reply.headers(headers).header('etag', 'W/"1-abcdefghijklmnop"').header('content-type', 'application/json; charset=utf-8').send(body);
});
await app.listen({ port: Number(process.env.PORT ?? 3491), host: '127.0.0.1' });
