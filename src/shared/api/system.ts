import { z } from 'zod';

export const brandSchema = z.object({
  name: z.string(),
  tagline: z.string(),
  organisation: z.string(),
  logoUrl: z.string().nullable(),
  stateBrand: z.boolean().describe('Bloc marque de l’État et police Marianne : entités de l’État autorisées seulement'),
});
export type BrandConfig = z.infer<typeof brandSchema>;

export const configResponseSchema = z.object({
  brand: brandSchema,
  oidc: z.object({ label: z.string() }).nullable().optional().describe('Connexion ProConnect : présente quand elle est activée'),
});
export type ConfigResponse = z.infer<typeof configResponseSchema>;

export const healthResponseSchema = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) });
