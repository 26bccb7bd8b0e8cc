/** What the extraction needs from the territory referential (the COG in the database, or a fixture). */
export interface Place {
  code: string;
  kind: string;
  name: string;
  searchName: string;
  departementCode: string | null;
  population: number | null;
}

export interface Gazetteer {
  /** Communes, départements, EPCI and EPT whose accent-free name is one of these keys. */
  findByNames(keys: string[]): Promise<Place[]>;
  /** Every EPCI and EPT (about 1,300), to match them by their name without the legal form. */
  groups(): Promise<Place[]>;
  departements(): Promise<Place[]>;
}

/** Legal forms written before an EPCI's own name, in the referential and in texts. */
export const GROUP_FORM = String.raw`(?:[Cc]ommunaut[ée]s?\s+de\s+communes|[Cc]ommunaut[ée]\s+d['’]\s?agglom[ée]ration|[Cc]ommunaut[ée]\s+urbaine|[Aa]gglom[ée]ration|[Aa]gglo|[Mm][ée]tropole|[ÉEée]tablissement\s+public\s+territorial|[Tt]erritoire|EPT|EPCI|CC|CA|CU)`;

/** "CC du Pays de Gex" → "pays de gex"; "Grand Paris Seine Ouest" → itself. */
export function groupCore(searchName: string): string {
  return searchName
    .replace(/^(communaute de communes|communaute d agglomeration|communaute urbaine|metropole|eurometropole|cc|ca|cu)\s+/, '')
    .replace(/^(du|de la|des|de l|d|de)\s+/, '')
    .trim();
}
