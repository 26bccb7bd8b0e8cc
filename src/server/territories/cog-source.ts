import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Shapes of the Code officiel géographique files shipped by @etalab/decoupage-administratif. */
export interface CogCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  population?: number;
  codesPostaux?: string[];
}
export interface CogGroup {
  code: string;
  nom: string;
  type: string;
  membres: { code: string }[];
}
export interface CogDepartement {
  code: string;
  nom: string;
  region: string;
}

const require = createRequire(import.meta.url);

// Read as files: the package's index reads its data relative to the working directory and fails.
function readCog<T>(file: string): T {
  const path = require.resolve(`@etalab/decoupage-administratif/data/${file}.json`);
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export interface CogData {
  communes: CogCommune[];
  departements: CogDepartement[];
  epci: CogGroup[];
  ept: CogGroup[];
}

export function readCogData(): CogData {
  return {
    communes: readCog<CogCommune[]>('communes').filter((c) => c.type === 'commune-actuelle'),
    departements: readCog<CogDepartement[]>('departements'),
    epci: readCog<CogGroup[]>('epci'),
    ept: readCog<CogGroup[]>('ept'),
  };
}
