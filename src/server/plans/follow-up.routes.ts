import { z } from 'zod';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../shared/api/common.js';
import { actionDocumentSchema, actionNoteInput, actionNoteSchema, DOCUMENT_MAX_BYTES } from '../../shared/api/follow-up.js';
import { HttpError } from '../platform/http/errors.js';
import { contextOf } from '../platform/http/fastify-types.js';
import * as service from './follow-up.service.js';

const tooLarge = () => new HttpError(413, 'too_large', '« fichier » : le fichier dépasse 5 Mo.', [{ path: 'file', message: 'Le fichier dépasse 5 Mo.' }]);

/** Dated follow-up notes and attached documents of a fiche action. */
export const followUpRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart, { limits: { fileSize: DOCUMENT_MAX_BYTES, files: 1, fields: 5 }, throwFileSizeLimit: false });

  app.get(
    '/actions/:id/notes',
    { config: { convention: { of: 'action', ability: 'read', internal: true } }, schema: { tags: ['actions'], summary: 'Notes de suivi d’une action (la plus récente d’abord)', params: idParamsSchema, response: { 200: z.array(actionNoteSchema) } } },
    async (request) => service.listNotes(app.db, request.params.id),
  );
  app.post(
    '/actions/:id/notes',
    { config: { convention: { of: 'action', ability: 'editPlan' } }, schema: { tags: ['actions'], summary: 'Ajouter une note de suivi datée', params: idParamsSchema, body: actionNoteInput, response: { 201: actionNoteSchema } } },
    async (request, reply) => reply.status(201).send(await service.addNote(contextOf(app, request), request.params.id, request.body)),
  );
  app.get(
    '/actions/:id/documents',
    { config: { convention: { of: 'action', ability: 'read', internal: true } }, schema: { tags: ['actions'], summary: 'Documents joints à une action', params: idParamsSchema, response: { 200: z.array(actionDocumentSchema) } } },
    async (request) => service.listDocuments(app.db, request.params.id),
  );
  app.post(
    '/actions/:id/documents',
    { config: { convention: { of: 'action', ability: 'editPlan' } },
      schema: {
        tags: ['actions'],
        summary: 'Joindre un document (multipart/form-data, champ « file », 5 Mo au plus)',
        consumes: ['multipart/form-data'],
        params: idParamsSchema,
        response: { 201: actionDocumentSchema },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new HttpError(415, 'unsupported_media_type', 'Envoyez le document en multipart/form-data (champ « file »).');
      const file = await request.file();
      if (!file) throw new HttpError(400, 'validation', '« fichier » : aucun fichier reçu.', [{ path: 'file', message: 'Aucun fichier reçu.' }]);
      const content = await file.toBuffer();
      if (file.file.truncated) throw tooLarge();
      const document = await service.addDocument(contextOf(app, request), request.params.id, { filename: file.filename, mediaType: file.mimetype, content });
      return reply.status(201).send(document);
    },
  );
  app.get(
    '/documents/:id/content',
    { config: { convention: { of: 'document', ability: 'read', internal: true } }, schema: { tags: ['actions'], summary: 'Télécharger un document joint', params: idParamsSchema } },
    async (request, reply) => {
      const doc = await service.getDocumentContent(app.db, request.params.id);
      const ascii = doc.filename.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
      return reply
        .type(doc.mediaType)
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .send(doc.content);
    },
  );
  app.delete(
    '/documents/:id',
    { config: { convention: { of: 'document', ability: 'editPlan' } }, schema: { tags: ['actions'], summary: 'Retirer un document joint', params: idParamsSchema } },
    async (request, reply) => {
      await service.deleteDocument(contextOf(app, request), request.params.id);
      return reply.status(204).send();
    },
  );
};
