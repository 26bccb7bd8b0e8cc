import { buildServer } from '../scripts/build-server.js';

/** Servers the tests start in their own process run the compiled server, as `npm start` does: built fresh here. */
export default async function setup(): Promise<void> {
  await buildServer();
}
