import type { FastifyRequest } from 'fastify';
import { HttpError, invalidField } from '../platform/http/errors.js';

export const MAX_XLSX_BYTES = 5 * 1024 * 1024;

/** The one .xlsx file of a multipart request (field « file »), checked for type and size, with French errors. */
export async function readXlsxUpload(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) throw invalidField('file', 'envoyez le classeur dans un formulaire multipart/form-data (champ « file »).');
  let file;
  try {
    file = await request.file({ limits: { fileSize: MAX_XLSX_BYTES, files: 1, fields: 5 } });
  } catch {
    throw invalidField('file', 'le formulaire envoyé est illisible.');
  }
  if (!file) throw invalidField('file', 'aucun fichier reçu.');
  if (!/\.xlsx$/i.test(file.filename)) {
    file.file.resume();
    throw new HttpError(415, 'unsupported_media_type', 'Format de fichier non pris en charge : choisissez un classeur Excel .xlsx.', [
      { path: 'file', message: 'Format non pris en charge' },
    ]);
  }
  const content = await file.toBuffer().catch(() => {
    throw new HttpError(413, 'too_large', 'Fichier trop volumineux : 5 Mo au plus.', [{ path: 'file', message: 'Fichier trop volumineux' }]);
  });
  if (file.file.truncated) throw new HttpError(413, 'too_large', 'Fichier trop volumineux : 5 Mo au plus.', [{ path: 'file', message: 'Fichier trop volumineux' }]);
  return content;
}
