import type { z } from 'zod';
import type { ConventionDetail, ConventionUpdateInput, conventionCreateInput } from '../../../shared/api/index.js';
import type { ConventionCreateInput } from '../../../shared/api/index.js';

/** What the convention form holds: the input side of the shared create schema. */
export type ConventionFormValues = z.input<typeof conventionCreateInput>;

export function emptyConventionValues(startYear = new Date().getFullYear()): ConventionFormValues {
  return {
    title: '',
    cafId: undefined,
    startYear,
    endYear: startYear + 4,
    territoryCodes: [],
    themes: [],
    summary: '',
    status: 'en_preparation',
  };
}

export function conventionToFormValues(convention: ConventionDetail): ConventionFormValues {
  return {
    title: convention.title,
    cafId: convention.caf.id,
    startYear: convention.startYear,
    endYear: convention.endYear,
    territoryCodes: convention.territories.map((t) => t.code),
    themes: convention.declaredThemes,
    summary: convention.summary ?? '',
  };
}

const blankToNull = (text: string | null | undefined) => (text && text.trim() ? text.trim() : null);

export function toCreateInput(values: ConventionCreateInput): ConventionCreateInput {
  return { ...values, summary: blankToNull(values.summary) };
}

/** The edit form sends only what PATCH accepts, with the version it read. */
export function toUpdateInput(values: ConventionCreateInput, version: number): ConventionUpdateInput {
  return {
    version,
    title: values.title,
    startYear: values.startYear,
    endYear: values.endYear,
    territoryCodes: values.territoryCodes,
    themes: values.themes,
    summary: blankToNull(values.summary),
  };
}
