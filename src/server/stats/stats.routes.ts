import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { statsSchema, type Stats } from '../../shared/api/conventions.js';
import { CONVENTION_STATUSES, type ConventionStatus } from '../../shared/enums.js';
import type { Executor } from '../platform/db/schema.js';
import * as repo from './stats.repository.js';
import { scopeOf, type ConventionScope } from '../accounts/access.js';

/** Conventions in force: signed, and the year inside their period. */
const IN_FORCE: readonly ConventionStatus[] = ['signee', 'en_cours'];

/** Key figures over the conventions the caller may see (the public sees signed conventions). */
export async function computeStats(db: Executor, scope: ConventionScope, year: number): Promise<Stats> {
  const byStatus = await repo.conventionsByStatus(db, scope);
  const coverage = await repo.coverageInYear(db, year, IN_FORCE, scope);
  const themes = await repo.themeCounts(db, scope);
  const totals = await repo.totals(db, scope);
  const counts = new Map(byStatus.map((s) => [s.status, s.count]));
  return {
    conventionsByStatus: CONVENTION_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 })),
    conventionCount: totals.conventions,
    communesCovered: coverage.communes,
    populationCovered: coverage.population,
    actionCount: totals.actions,
    themes,
  };
}

export const statsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/stats',
    {
      config: { cacheReads: ['convention', 'convention_territory', 'convention_theme', 'territory', 'territory_member', 'theme', 'action', 'action_theme'] },
      schema: {
        tags: ['tableaux de bord'],
        summary: 'Chiffres clés : conventions par statut, communes et population couvertes, champs',
        querystring: z.object({ year: z.coerce.number().int().min(1990).max(2100).optional() }),
        response: { 200: statsSchema },
      },
    },
    async (request) => computeStats(app.db, scopeOf(request.principal), request.query.year ?? new Date().getUTCFullYear()),
  );
};
