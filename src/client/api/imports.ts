import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConventionSource, Extraction, ImportConfirmInput, ImportConfirmResult } from '../../shared/api/index.js';
import { ApiError, apiFetch, apiUpload } from './http.js';
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
  return apiUpload<ExtractionWithSource>('/imports/extract-file', form);
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

/** The text a convention was imported from; null when it was entered by hand. */
export function useConventionSource(conventionId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...conventionKeys.detail(conventionId), 'source'],
    enabled,
    queryFn: async ({ signal }) => {
      try {
        return await apiFetch<ConventionSource>(`/conventions/${conventionId}/source`, { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}
