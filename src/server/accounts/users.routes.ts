import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  membershipDeleteQuery,
  membershipParamsSchema,
  membershipUpdateInput,
  passwordChangeInput,
  userListQuery,
  userMembershipSchema,
  userPageSchema,
} from '../../shared/api/users.js';
import { contextOf } from '../platform/http/fastify-types.js';
import { clientInfo, SESSION_COOKIE } from '../platform/http/auth.js';
import { changeMembershipRole, listUsers, removeMembership } from './users.service.js';
import { changePassword } from './password-change.service.js';

const tags = ['comptes'];

/** People and their roles (administrators), and « changer mon mot de passe ». */
export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/users',
    { schema: { tags, summary: 'Comptes et rattachements (administrateurs ; une Caf voit les personnes des organisations qu’elle gère)', querystring: userListQuery, response: { 200: userPageSchema } } },
    async (request) => listUsers(app.db, request.principal, request.query),
  );
  app.patch(
    '/users/:id/memberships/:organisationId',
    { schema: { tags, summary: 'Changer le rôle d’une personne dans une organisation (journalisé)', params: membershipParamsSchema, body: membershipUpdateInput, response: { 200: userMembershipSchema } } },
    async (request) => changeMembershipRole(contextOf(app, request), request.params.id, request.params.organisationId, request.body),
  );
  app.delete(
    '/users/:id/memberships/:organisationId',
    { schema: { tags, summary: 'Retirer une personne d’une organisation (journalisé)', params: membershipParamsSchema, querystring: membershipDeleteQuery, response: { 204: z.null() } } },
    async (request, reply) => {
      await removeMembership(contextOf(app, request), request.params.id, request.params.organisationId, request.query.version);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/auth/password',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Changer son mot de passe (mot de passe actuel exigé ; les autres sessions sont fermées)', body: passwordChangeInput, response: { 200: z.object({ otherSessionsClosed: z.int() }) } },
    },
    async (request) => ({
      otherSessionsClosed: await changePassword(app.db, request.principal, request.cookies[SESSION_COOKIE], request.body, clientInfo(request)),
    }),
  );
};
