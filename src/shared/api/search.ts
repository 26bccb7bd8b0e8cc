import { z } from 'zod';

export const SEARCH_KINDS = ['convention', 'action', 'note'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const searchQuery = z.object({
  q: z.string().trim().min(2, 'Saisissez au moins deux caractères.').max(200),
  kind: z.enum(SEARCH_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof searchQuery>;

/** A piece of text, `highlight` when it matched a word of the query (rendered as <mark>). */
export const textPartSchema = z.object({ text: z.string(), highlight: z.boolean() });
export type TextPart = z.infer<typeof textPartSchema>;

export const searchHitSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.int(),
  conventionId: z.int(),
  conventionTitle: z.string(),
  actionId: z.int().nullable(),
  title: z.array(textPartSchema),
  snippet: z.array(textPartSchema),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultSchema = z.object({ terms: z.array(z.string()), hits: z.array(searchHitSchema) });
export type SearchResult = z.infer<typeof searchResultSchema>;
