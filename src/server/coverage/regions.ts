import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let names: Map<string, string> | null = null;

/** Région names from the Code officiel géographique (régions are not territory rows: their codes collide with départements'). */
export function regionName(code: string): string | null {
  if (!names) {
    const path = require.resolve('@etalab/decoupage-administratif/data/regions.json');
    const rows = JSON.parse(readFileSync(path, 'utf8')) as { code: string; nom: string }[];
    names = new Map(rows.map((r) => [r.code, r.nom]));
  }
  return names.get(code) ?? null;
}
