import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
type Commune = { code: string; nom: string; type: string; departement?: string; population?: number };
let communes: Commune[] | null = null;

/** Figures straight from the COG file, independent of the application's own loading. */
function cogCommunes(): Commune[] {
  communes ??= (JSON.parse(readFileSync(require.resolve('@etalab/decoupage-administratif/data/communes.json'), 'utf8')) as Commune[]).filter(
    (c) => c.type === 'commune-actuelle',
  );
  return communes;
}

export const cogPopulation = (code: string): number => cogCommunes().find((c) => c.code === code)?.population ?? Number.NaN;
export const cogDepartementPopulation = (dep: string): number =>
  cogCommunes().filter((c) => c.departement === dep).reduce((sum, c) => sum + (c.population ?? 0), 0);
export const cogCodeOf = (name: string, dep: string): string => {
  const found = cogCommunes().find((c) => c.nom === name && c.departement === dep);
  if (!found) throw new Error(`commune ${name} absente du COG`);
  return found.code;
};
