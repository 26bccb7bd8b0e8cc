/** What the draft generator needs to know about each signature: plain data, loaded by the news service. */
export interface DraftOrganisation {
  name: string;
  kind: string;
}

export interface DraftSignatory {
  fullName: string;
  capacity: string;
  organisation: DraftOrganisation | null;
}

export interface DraftSignature {
  eventId: number;
  conventionId: number;
  date: string;
  place: string | null;
  kind: string;
  territoryNames: string[];
  caf: DraftOrganisation;
  /** The other signing parties (commune, EPCI, EPT…), in the convention's order. */
  partners: DraftOrganisation[];
  signatories: DraftSignatory[];
  startYear: number;
  endYear: number;
  /** Declared fields of the convention, as theme codes in reference order. */
  themes: string[];
  highlightedActions: { title: string; labels: string[] }[];
}

export interface DraftFacts {
  signatures: DraftSignature[];
  /** Theme code → label, for codes without a ready-made phrase. */
  themeLabels: Record<string, string>;
}

export interface GeneratedDraft {
  title: string;
  /** The article's Markdown without its title. */
  body: string;
  signatureEventIds: number[];
  conventionIds: number[];
  firstDate: string;
  lastDate: string;
}

/** The whole article as one Markdown text: what the CLI prints and the draft preview shows. */
export const draftMarkdown = (draft: { title: string; body: string }): string => `# ${draft.title}\n\n${draft.body}\n`;
