import { z } from 'zod';
import { isoDateSchema, shortLabel } from './common.js';

export const actionNoteSchema = z.object({
  id: z.int(),
  actionId: z.int(),
  date: z.string(),
  author: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
export type ActionNote = z.infer<typeof actionNoteSchema>;

export const actionNoteInput = z.object({
  date: isoDateSchema,
  author: shortLabel(2, 200).describe('Personne qui rédige la note (nom, service)'),
  body: shortLabel(3, 10_000),
});
export type ActionNoteInput = z.infer<typeof actionNoteInput>;

export const actionDocumentSchema = z.object({
  id: z.int(),
  actionId: z.int(),
  filename: z.string(),
  mediaType: z.string(),
  size: z.int().describe('Taille en octets'),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});
export type ActionDocument = z.infer<typeof actionDocumentSchema>;

/** Files a fiche action may carry: office documents, PDF, images, CSV and text. */
export const DOCUMENT_TYPES: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'text/csv': ['csv'],
  'text/plain': ['txt'],
};
export const DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;
