/**
 * npm run build (after the web app) — compiles the server and its command line into
 * dist/server/pilote-ctg.mjs, the program `npm start` runs (ADR 0024): plain JavaScript, so that no
 * compiler is loaded at run time. Packages stay outside
 * the bundle (they are installed next to it); modules imported with import() become chunks of their
 * own, loaded when first used.
 *   tsx scripts/build-server.ts [outdir]
 */
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export async function buildServer(outdir = 'dist/server'): Promise<string> {
  await build({
    entryPoints: { 'pilote-ctg': 'src/cli/main.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
  });
  return `${outdir}/pilote-ctg.mjs`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildServer(process.argv[2]);
