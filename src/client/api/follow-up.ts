import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActionDocument, ActionNote, ActionNoteInput, Axis, HistoryFilter, HistoryPage, Indicator, IndicatorCreateInput, IndicatorUpdateInput, IndicatorValueInput,
} from '../../shared/api/index.js';
import { conventionKeys } from './conventions.js';
import { apiFetch, apiUpload, queryString } from './http.js';

export const followUpKeys = {
  notes: (actionId: number) => ['actions', actionId, 'notes'] as const,
  documents: (actionId: number) => ['actions', actionId, 'documents'] as const,
  indicators: (conventionId: number) => ['conventions', conventionId, 'indicators'] as const,
  history: (scope: string, filter: HistoryFilter) => ['history', scope, filter] as const,
  allHistory: ['history'] as const,
};

export function useNotes(actionId: number) {
  return useQuery({ queryKey: followUpKeys.notes(actionId), queryFn: ({ signal }) => apiFetch<ActionNote[]>(`/actions/${actionId}/notes`, { signal }) });
}

export function useAddNote(actionId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ActionNoteInput) => apiFetch<ActionNote>(`/actions/${actionId}/notes`, { method: 'POST', body: input }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: followUpKeys.notes(actionId) });
      void client.invalidateQueries({ queryKey: followUpKeys.allHistory });
    },
  });
}

export function useDocuments(actionId: number) {
  return useQuery({ queryKey: followUpKeys.documents(actionId), queryFn: ({ signal }) => apiFetch<ActionDocument[]>(`/actions/${actionId}/documents`, { signal }) });
}

async function upload(actionId: number, file: File): Promise<ActionDocument> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiUpload<ActionDocument>(`/actions/${actionId}/documents`, form);
}

export function useDocumentChanges(actionId: number) {
  const client = useQueryClient();
  const refresh = () => {
    void client.invalidateQueries({ queryKey: followUpKeys.documents(actionId) });
    void client.invalidateQueries({ queryKey: followUpKeys.allHistory });
  };
  return {
    add: useMutation({ mutationFn: (file: File) => upload(actionId, file), onSuccess: refresh }),
    remove: useMutation({ mutationFn: (id: number) => apiFetch<void>(`/documents/${id}`, { method: 'DELETE' }), onSuccess: refresh }),
  };
}

export function useIndicators(conventionId: number) {
  return useQuery({
    queryKey: followUpKeys.indicators(conventionId),
    queryFn: ({ signal }) => apiFetch<Indicator[]>(`/conventions/${conventionId}/indicators`, { signal }),
    enabled: Number.isInteger(conventionId) && conventionId > 0,
  });
}

export function useIndicatorChanges(conventionId: number) {
  const client = useQueryClient();
  const refresh = () => {
    void client.invalidateQueries({ queryKey: followUpKeys.indicators(conventionId) });
    void client.invalidateQueries({ queryKey: followUpKeys.allHistory });
  };
  return {
    create: useMutation({
      mutationFn: (input: IndicatorCreateInput) => apiFetch<Indicator>(`/conventions/${conventionId}/indicators`, { method: 'POST', body: input }),
      onSuccess: refresh,
    }),
    addValue: useMutation({
      mutationFn: ({ indicatorId, input }: { indicatorId: number; input: IndicatorValueInput }) =>
        apiFetch<Indicator>(`/indicators/${indicatorId}/values`, { method: 'POST', body: input }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ indicatorId, input }: { indicatorId: number; input: IndicatorUpdateInput }) =>
        apiFetch<Indicator>(`/indicators/${indicatorId}`, { method: 'PATCH', body: input }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (indicator: Indicator) => apiFetch<void>(`/indicators/${indicator.id}${queryString({ version: indicator.version })}`, { method: 'DELETE' }),
      onSuccess: refresh,
    }),
    removeValue: useMutation({
      mutationFn: (valueId: number) => apiFetch<Indicator>(`/indicator-values/${valueId}`, { method: 'DELETE' }),
      onSuccess: refresh,
    }),
  };
}

/** `scope` is "action:12" (a fiche with its indicators, notes, documents) or "review:3", "axis:4"… */
export function useHistory(scope: string, filter: HistoryFilter) {
  const [type, id] = scope.split(':');
  const path = type === 'action' ? `/actions/${id}/history${queryString(filter)}` : `/history${queryString({ entityType: type, entityId: id, ...filter })}`;
  return useQuery({ queryKey: followUpKeys.history(scope, filter), queryFn: ({ signal }) => apiFetch<HistoryPage>(path, { signal }) });
}

export function useMoveAxis(conventionId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ axis, direction }: { axis: Axis; direction: 'up' | 'down' }) =>
      apiFetch<Axis[]>(`/axes/${axis.id}/move`, { method: 'POST', body: { version: axis.version, direction } }),
    onSuccess: () => client.invalidateQueries({ queryKey: conventionKeys.detail(conventionId) }),
  });
}
