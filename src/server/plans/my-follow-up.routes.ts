import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../shared/api/common.js';
import { myFollowUpSchema, pilotCandidatesSchema } from '../../shared/api/my-follow-up.js';
import * as service from './my-follow-up.service.js';
import { pilotCandidates } from './pilots.js';

export const myFollowUpRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me/follow-up',
    { schema: { tags: ['suivi'], summary: 'Mon suivi : les actions que je pilote, ce qui est dû, les bilans à valider', response: { 200: myFollowUpSchema } } },
    async (request) => service.myFollowUp(app.db, request.principal, new Date().toISOString().slice(0, 10)),
  );
  app.get(
    '/conventions/:id/pilot-candidates',
    { config: { convention: { of: 'convention', ability: 'editPlan', internal: true } }, schema: { tags: ['suivi'], summary: 'Comptes et organisations pouvant piloter une action de la convention', params: idParamsSchema, response: { 200: pilotCandidatesSchema } } },
    async (request) => pilotCandidates(app.db, request.params.id),
  );
};
