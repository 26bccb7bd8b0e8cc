import { z } from 'zod';
import {
  conventionCreateInput,
  importActionInput,
  importSignatoryInput,
  isoDateSchema,
  type ExtractedConvention,
  type ImportConfirmInput,
  type Organisation,
  type Territory,
} from '../../../shared/api/index.js';
import { normalizeForSearch, withDe } from '../../../shared/text.js';
import { ORGANISATION_KINDS } from '../../../shared/enums.js';

/** The review form: the shared create schemas, with the signature fields kept flat for the inputs. */
export const reviewSchema = z
  .object({
    convention: conventionCreateInput,
    signatureDate: z.union([isoDateSchema, z.literal('')]),
    place: z.string().trim().max(300),
    markSigned: z.boolean(),
    signatories: z.array(importSignatoryInput).max(30),
    actions: z.array(importActionInput).max(100),
    otherParties: z.array(z.object({ name: z.string(), kind: z.enum(ORGANISATION_KINDS), include: z.boolean() })).max(10),
  })
  .refine((v) => !v.markSigned || v.signatureDate !== '', {
    path: ['signatureDate'],
    message: 'Indiquez la date de la signature, ou décochez « La signature a eu lieu »',
  })
  .refine((v) => v.signatories.length === 0 || v.signatureDate !== '', {
    path: ['signatureDate'],
    message: 'Des signataires sont indiqués : précisez la date de la signature',
  });
export type ReviewValues = z.input<typeof reviewSchema>;
export type ReviewOutput = z.output<typeof reviewSchema>;

export function territoriesOf(draft: ExtractedConvention): Territory[] {
  return draft.territories
    .filter((t) => t.code && t.cogKind !== 'departement')
    .map((t) => ({ code: t.code!, kind: t.cogKind as Territory['kind'], name: t.name, departementCode: null, population: null }));
}

export function matchCaf(draft: ExtractedConvention, cafs: Organisation[]): Organisation | undefined {
  if (!draft.caf) return cafs.length === 1 ? cafs[0] : undefined;
  const wanted = normalizeForSearch(draft.caf);
  return cafs.find((c) => normalizeForSearch(c.name) === wanted) ?? cafs.find((c) => draft.cafDepartementCode !== null && c.departementCode === draft.cafDepartementCode);
}

function splitName(name: string): { firstName: string; lastName: string } {
  const words = name.trim().split(/\s+/);
  return words.length > 1 ? { firstName: words[0]!, lastName: words.slice(1).join(' ') } : { firstName: '', lastName: words[0] ?? '' };
}

export function draftToValues(draft: ExtractedConvention, cafs: Organisation[], today = new Date().toISOString().slice(0, 10)): ReviewValues {
  const territories = territoriesOf(draft);
  const signatureYear = draft.signatureDate ? Number(draft.signatureDate.slice(0, 4)) : null;
  const startYear = draft.period?.start ?? signatureYear ?? new Date().getFullYear();
  const fullDate = draft.signatureDate && draft.signatureDate.length === 10 ? draft.signatureDate : '';
  return {
    convention: {
      title: territories[0] ? `Convention territoriale globale ${withDe(territories.map((t) => t.name).join(', '))}` : 'Convention territoriale globale',
      cafId: matchCaf(draft, cafs)?.id,
      startYear,
      endYear: draft.period?.end ?? startYear + 4,
      territoryCodes: territories.map((t) => t.code),
      themes: draft.themes,
      summary: '',
      status: 'redaction',
    },
    signatureDate: fullDate,
    place: draft.place ?? '',
    markSigned: Boolean(fullDate && !draft.planned && fullDate <= today),
    signatories: draft.signatories
      .filter((s) => s.name)
      .map((s) => ({ ...splitName(s.name!), capacity: s.capacity ?? '', organisation: s.organisation })),
    actions: draft.projects.map((p) => ({ title: p.title.slice(0, 300), description: p.description ?? '', themes: p.themes })),
    otherParties: draft.otherPartyOrganisations.map((p) => ({ ...p, include: true })),
  };
}

export function toConfirmInput(values: ReviewOutput, sourceText: string, sourceName: string | null): ImportConfirmInput {
  const signed = values.signatureDate !== '';
  return {
    convention: { ...values.convention, summary: values.convention.summary?.trim() ? values.convention.summary.trim() : null },
    signature: signed ? { date: values.signatureDate, place: values.place.trim() || null, signatories: values.signatories } : null,
    actions: values.actions.map((a) => ({ ...a, description: a.description?.trim() ? a.description.trim() : null })),
    otherParties: values.otherParties.filter((p) => p.include).map(({ name, kind }) => ({ name, kind })),
    markSigned: signed && values.markSigned,
    sourceText,
    sourceName,
  };
}
