import { requireAnyCafRole, requireConventionAccess, requireSignedInCaller } from '../accounts/access.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import { idParamsSchema } from '../../shared/api/common.js';
import { conventionSourceSchema, extractionSchema, importConfirmInput, importConfirmResult, importTextInput } from '../../shared/api/imports.js';
import { contextOf } from '../platform/http/fastify-types.js';
import { MAX_UPLOAD_BYTES } from './file-text.js';
import { readUpload } from './upload.js';
import * as service from './imports.service.js';

/** Importing prepares conventions for a Caf: its staff (or a platform administrator) only. */
export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.url?.startsWith('/api/v1/imports')) requireAnyCafRole(request.principal);
  });

  app.post(
    '/imports/extract',
    {
      schema: {
        tags: ['imports'],
        summary: 'Lire un texte collé et proposer des conventions (rien n’est enregistré)',
        body: importTextInput,
        response: { 200: extractionSchema },
      },
    },
    async (request) => service.extractText(app.db, request.body.text),
  );
  app.post(
    '/imports/extract-file',
    {
      schema: {
        tags: ['imports'],
        summary: 'Lire un fichier .txt, .html, .docx ou .pdf (champ « file », 5 Mo au plus) ; rien n’est enregistré',
        consumes: ['multipart/form-data'],
        response: { 200: extractionSchema.extend({ sourceName: z.string() }) },
      },
    },
    async (request) => {
      const upload = await readUpload(request);
      return service.extractFile(app.db, upload.fileName, upload.content);
    },
  );
  app.post(
    '/imports/confirm',
    {
      schema: {
        tags: ['imports'],
        summary: 'Créer la convention relue, sa signature, ses signataires et ses actions, et garder le texte source (tout ou rien)',
        body: importConfirmInput,
        response: { 201: importConfirmResult },
      },
    },
    async (request, reply) => reply.status(201).send(await service.confirmImport(contextOf(app, request), request.body)),
  );
  app.get(
    '/conventions/:id/source',
    {
      schema: {
        tags: ['imports'],
        summary: 'Le texte dont une convention a été importée',
        params: idParamsSchema,
        response: { 200: conventionSourceSchema },
      },
    },
    async (request) => {
      requireSignedInCaller(request.principal);
      await requireConventionAccess(app.db, request.principal, request.params.id, 'read');
      return service.getConventionSource(app.db, request.params.id);
    },
  );
};
