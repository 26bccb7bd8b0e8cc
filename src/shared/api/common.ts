import { z } from 'zod';

export const idSchema = z.coerce.number().int().positive();
export const idParamsSchema = z.object({ id: idSchema });
export const versionSchema = z.int().min(1).describe('Version lue ; une version périmée donne 409');
export const yearSchema = z.int().min(1990).max(2100);
export const isoDateSchema = z.iso.date();
export const territoryCodeSchema = z
  .string()
  .regex(/^[0-9][0-9AB][0-9]{0,7}$/, 'Code INSEE ou SIREN invalide')
  .max(9);
export const themeCodeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, 'Code de champ invalide (minuscules, chiffres et « _ »)');

/** A list whose entries must be distinct (themes, territories). */
export const distinctList = <T extends z.ZodType<string>>(item: T) =>
  z.array(item).refine((values) => new Set(values).size === values.length, 'Une même valeur est citée deux fois');

/** Optional free text that may be cleared with null. */
export const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
export const shortLabel = (min: number, max: number) => z.string().trim().min(min).max(max);

export const errorFieldSchema = z.object({ path: z.string(), message: z.string() });
export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(errorFieldSchema).optional(),
    current: z.unknown().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().regex(/^\d{1,12}$/, 'Curseur invalide').optional(),
};

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.int(), nextCursor: z.string().nullable() });
export type Page<T> = { items: T[]; total: number; nextCursor: string | null };
