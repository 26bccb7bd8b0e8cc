import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Extraction, ImportConfirmInput, ImportConfirmResult } from '../../shared/api/index.js';
import { ApiError, apiFetch } from './http.js';
import { conventionKeys } from './conventions.js';
import { referenceKeys } from './reference.js';

export type ExtractionWithSource = Extraction & { sourceName?: string };

export function useExtractText() {
  return useMutation({
    mutationFn: (text: string) => apiFetch<Extraction>('/imports/extract', { method: 'POST', body: { text } }),
  });
}

/** Uploads one file as multipart/form-data; errors come back as ApiError like the JSON calls. */
async function uploadFile(file: File): Promise<ExtractionWithSource> {
  const form = new FormData();
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch('/api/v1/imports/extract-file', { method: 'POST', body: form, credentials: 'same-origin', headers: { accept: 'application/json' } });
  } catch {
    throw new ApiError(0, 'network', 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.');
  }
  const payload = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; fields?: { path: string; message: string }[] } } | null;
  if (!response.ok) {
    const error = payload?.error;
    throw new ApiError(response.status, error?.code ?? 'http', error?.message ?? `Le serveur a répondu par une erreur (${response.status}).`, error?.fields ?? []);
  }
  return payload as ExtractionWithSource;
}

export function useExtractFile() {
  return useMutation({ mutationFn: uploadFile });
}

export function useConfirmImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ImportConfirmInput) => apiFetch<ImportConfirmResult>('/imports/confirm', { method: 'POST', body: input }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: conventionKeys.all });
      void client.invalidateQueries({ queryKey: referenceKeys.stats });
    },
  });
}
