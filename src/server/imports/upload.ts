import type { FastifyRequest } from 'fastify';
import { HttpError, invalidField } from '../platform/http/errors.js';
import { kindOfFile, MAX_UPLOAD_BYTES } from './file-text.js';

/** The one uploaded file of a multipart request, checked for type and size, with French errors. */
export async function readUpload(request: FastifyRequest): Promise<{ fileName: string; content: Buffer }> {
  if (!request.isMultipart()) throw invalidField('file', 'envoyez le fichier dans un formulaire multipart/form-data (champ « file »).');
  let file;
  try {
    file = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } });
  } catch {
    throw invalidField('file', 'le formulaire envoyé est illisible.');
  }
  if (!file) throw invalidField('file', 'aucun fichier reçu.');
  if (!kindOfFile(file.filename)) {
    file.file.resume();
    throw new HttpError(415, 'unsupported_media_type', 'Format de fichier non pris en charge : choisissez un fichier .txt, .html, .docx ou .pdf.', [
      { path: 'file', message: 'Format non pris en charge' },
    ]);
  }
  let content: Buffer;
  try {
    content = await file.toBuffer();
  } catch {
    throw new HttpError(413, 'too_large', 'Fichier trop volumineux : 5 Mo au plus.', [{ path: 'file', message: 'Fichier trop volumineux' }]);
  }
  return { fileName: file.filename.slice(0, 200), content };
}
