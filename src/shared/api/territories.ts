import { z } from 'zod';
import { TERRITORY_KINDS } from '../enums.js';

export const territorySchema = z.object({
  code: z.string(),
  kind: z.enum(TERRITORY_KINDS),
  name: z.string(),
  departementCode: z.string().nullable(),
  population: z.int().nullable(),
});
export type Territory = z.infer<typeof territorySchema>;

export const territoryDetailSchema = territorySchema.extend({
  regionCode: z.string().nullable(),
  postalCodes: z.array(z.string()),
  groups: z.array(territorySchema).describe('EPCI, EPT et département dont la commune fait partie'),
  members: z.array(territorySchema).describe('Communes membres (EPCI, EPT, département)'),
});
export type TerritoryDetail = z.infer<typeof territoryDetailSchema>;

export const territorySearchQuery = z.object({
  q: z.string().trim().max(100).optional().describe('Nom (accents facultatifs) ou code INSEE/SIREN'),
  kind: z.enum(TERRITORY_KINDS).optional(),
  departement: z.string().regex(/^[0-9][0-9AB][0-9]?$/, 'Code de département invalide').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type TerritorySearchQuery = z.infer<typeof territorySearchQuery>;
