import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlanImportReport } from '../../shared/api/index.js';
import type { CalendarFeed, CalendarFeedCreated } from '../../shared/api/office.js';
import { apiFetch, apiUpload } from './http.js';
import { conventionKeys } from './conventions.js';

const API = '/api/v1';

/** Download addresses of a convention's files. */
export const conventionFiles = (id: number) => ({
  planXlsx: `${API}/conventions/${id}/plan.xlsx`,
  docx: `${API}/conventions/${id}/convention.docx`,
  pdf: `${API}/conventions/${id}/summary.pdf`,
  ics: `${API}/conventions/${id}/calendar.ics`,
});
/** A filtered list as a workbook (the server keeps it to the caller's scope); empty filters are left out. */
export function listExportUrl(list: 'conventions' | 'actions' | 'indicators', filters: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') search.set(key, String(value));
  const query = search.toString();
  return `${API}/exports/${list}.xlsx${query ? `?${query}` : ''}`;
}
export const reviewDocxUrl = (id: number) => `${API}/reviews/${id}/review.docx`;
export const actionFicheUrl = (id: number) => `${API}/actions/${id}/fiche.pdf`;
export const planTemplateUrl = `${API}/plan-import/template.xlsx`;
export const openDataUrl = (set: 'conventions' | 'actions', format: 'csv' | 'json') => `${API}/open-data/${set}.${format}`;
export const openDataSchemaUrl = (set: 'conventions' | 'actions') => `${API}/open-data/schemas/${set}.json`;

/** Sends the workbook (multipart) with the session's anti-forgery token; errors come back as ApiError. */
async function sendWorkbook(conventionId: number, file: File, dryRun: boolean): Promise<PlanImportReport> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiUpload<PlanImportReport>(`/conventions/${conventionId}/plan-import${dryRun ? '?dryRun=true' : ''}`, form);
}

export function usePlanImport(conventionId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => sendWorkbook(conventionId, file, dryRun),
    onSuccess: (report) => {
      if (report.applied) void client.invalidateQueries({ queryKey: conventionKeys.all });
    },
  });
}

const calendarFeedKey = ['me', 'calendar-feed'] as const;

export function useCalendarFeed() {
  return useQuery({ queryKey: calendarFeedKey, queryFn: ({ signal }) => apiFetch<CalendarFeed>('/me/calendar-feed', { signal }) });
}

/** Create or renew (the address comes back once), or revoke the personal calendar address. */
export function useCalendarFeedChanges() {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: calendarFeedKey });
  return {
    renew: useMutation({ mutationFn: () => apiFetch<CalendarFeedCreated>('/me/calendar-feed', { method: 'POST' }), onSuccess: refresh }),
    revoke: useMutation({ mutationFn: () => apiFetch<null>('/me/calendar-feed', { method: 'DELETE' }), onSuccess: refresh }),
  };
}
