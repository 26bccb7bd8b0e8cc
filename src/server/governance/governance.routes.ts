import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../shared/api/common.js';
import {
  bodyCreateInput, bodySchema, bodyUpdateInput, decisionFollowUpInput, decisionInput, decisionSchema, governanceOverviewSchema,
  meetingCreateInput, meetingSchema, meetingUpdateInput, packSchema, renewalInput, renewalResultSchema, versionInput, versionQuery,
} from '../../shared/api/governance.js';
import { contextOf } from '../platform/http/fastify-types.js';
import { DOCX_TYPE, sendFile } from '../office/office.routes.js';
import * as bodies from './bodies.service.js';
import * as meetings from './meetings.service.js';
import * as decisions from './decisions.service.js';
import { buildPack, packFile } from './pack.service.js';
import { renewConvention } from './renewal.service.js';
import { sendInvitations } from './meeting-mail.js';

const tags = ['gouvernance'];
const read = (of: 'convention' | 'body' | 'meeting') => ({ convention: { of, ability: 'read' as const, internal: true } });
const write = (of: 'convention' | 'body' | 'meeting' | 'decision') => ({ convention: { of, ability: 'editPlan' as const } });

/** Bodies, meetings, minutes and decisions of a convention, the meeting pack, and renewal. */
export const governanceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/conventions/:id/governance', { config: read('convention'), schema: { tags, summary: 'Instances, réunions et liens de renouvellement d’une convention', params: idParamsSchema, response: { 200: governanceOverviewSchema } } },
    async (request) => meetings.governanceOverview(app.db, request.principal, request.params.id));
  app.post('/conventions/:id/bodies', { config: write('convention'), schema: { tags, summary: 'Créer une instance (COPIL, comité technique, comité thématique, groupe de travail)', params: idParamsSchema, body: bodyCreateInput, response: { 201: bodySchema } } },
    async (request, reply) => reply.status(201).send(await bodies.createBody(contextOf(app, request), request.params.id, request.body)));
  app.patch('/bodies/:id', { config: write('body'), schema: { tags, summary: 'Modifier une instance, ses membres et sa fréquence (avec sa version)', params: idParamsSchema, body: bodyUpdateInput, response: { 200: bodySchema } } },
    async (request) => bodies.updateBody(contextOf(app, request), request.params.id, request.body));
  app.delete('/bodies/:id', { config: write('body'), schema: { tags, summary: 'Supprimer une instance et ses réunions (avec sa version)', params: idParamsSchema, querystring: versionQuery, response: { 204: z.null() } } },
    async (request, reply) => {
      await bodies.deleteBody(contextOf(app, request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    });
  app.post('/conventions/:id/meetings', { config: write('convention'), schema: { tags, summary: 'Planifier une réunion d’une instance', params: idParamsSchema, body: meetingCreateInput, response: { 201: meetingSchema } } },
    async (request, reply) => reply.status(201).send(await meetings.createMeeting(contextOf(app, request), request.params.id, request.body)));
  app.get('/meetings/:id', { config: read('meeting'), schema: { tags, summary: 'Une réunion : ordre du jour, présences, compte rendu et décisions', params: idParamsSchema, response: { 200: meetingSchema } } },
    async (request) => meetings.getMeeting(app.db, request.params.id));
  app.patch('/meetings/:id', { config: write('meeting'), schema: { tags, summary: 'Modifier une réunion, ses présences ou son compte rendu (avec sa version)', params: idParamsSchema, body: meetingUpdateInput, response: { 200: meetingSchema } } },
    async (request) => meetings.updateMeeting(contextOf(app, request), request.params.id, request.body));
  app.post('/meetings/:id/decisions', { config: write('meeting'), schema: { tags, summary: 'Proposer une décision (appliquée au plan à la validation du compte rendu)', params: idParamsSchema, body: decisionInput, response: { 201: decisionSchema } } },
    async (request, reply) => reply.status(201).send(await decisions.proposeDecision(contextOf(app, request), request.params.id, request.body)));
  app.delete('/decisions/:id', { config: write('decision'), schema: { tags, summary: 'Retirer une décision proposée', params: idParamsSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await decisions.withdrawDecision(contextOf(app, request), request.params.id);
      return reply.status(204).send(null);
    });
  app.put('/decisions/:id/follow-up', { config: write('decision'), schema: { tags, summary: 'Noter le suivi d’une décision', params: idParamsSchema, body: decisionFollowUpInput, response: { 200: decisionSchema } } },
    async (request) => decisions.recordFollowUp(contextOf(app, request), request.params.id, request.body.followUp));
  app.post('/meetings/:id/validate', { config: write('meeting'), schema: { tags, summary: 'Valider le compte rendu : les décisions proposées sont appliquées au plan en une seule transaction', params: idParamsSchema, body: versionInput, response: { 200: meetingSchema } } },
    async (request) => decisions.validateMinutes(contextOf(app, request), request.params.id, request.body.version, app.config.publicUrl));
  app.post('/meetings/:id/invitations', { config: write('meeting'), schema: { tags, summary: 'Envoyer les invitations par courriel aux membres, avec le fichier calendrier (.ics)', params: idParamsSchema, body: versionInput, response: { 200: meetingSchema } } },
    async (request) => sendInvitations(contextOf(app, request), request.params.id, request.body.version, app.config.publicUrl));
  app.get('/meetings/:id/pack', { config: read('meeting'), schema: { tags, summary: 'Dossier de séance : actions par statut, indicateurs à risque, budgets, suivi des décisions précédentes', params: idParamsSchema, response: { 200: packSchema } } },
    async (request) => buildPack(app.db, request.params.id));
  app.get('/meetings/:id/pack.docx', { config: read('meeting'), schema: { tags, summary: 'Dossier de séance (Word)', params: idParamsSchema } },
    async (request, reply) => {
      const file = await packFile(contextOf(app, request), request.params.id, 'docx');
      return sendFile(reply, DOCX_TYPE, file.filename, file.buffer);
    });
  app.get('/meetings/:id/pack.pdf', { config: read('meeting'), schema: { tags, summary: 'Dossier de séance (PDF)', params: idParamsSchema } },
    async (request, reply) => {
      const file = await packFile(contextOf(app, request), request.params.id, 'pdf');
      return sendFile(reply, 'application/pdf', file.filename, file.buffer);
    });
  app.post('/conventions/:id/renewal', { config: { convention: { of: 'convention', ability: 'edit' } }, schema: { tags, summary: 'Préparer la convention suivante : même périmètre, mêmes parties, actions non terminées reprises', params: idParamsSchema, body: renewalInput, response: { 201: renewalResultSchema } } },
    async (request, reply) => reply.status(201).send(await renewConvention(contextOf(app, request), request.params.id, request.body)));
};
