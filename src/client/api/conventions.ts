import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  ConventionCreateInput,
  ConventionDetail,
  ConventionSummary,
  ConventionUpdateInput,
  Page,
  StatusChangeInput,
} from '../../shared/api/index.js';
import { apiFetch, queryString } from './http.js';
import { referenceKeys } from './reference.js';

export type ConventionFilters = {
  q?: string;
  status?: string;
  theme?: string;
  territory?: string;
  year?: string;
};

export const PAGE_SIZE = 20;

export const conventionKeys = {
  all: ['conventions'] as const,
  list: (filters: ConventionFilters) => ['conventions', 'list', filters] as const,
  detail: (id: number) => ['conventions', 'detail', id] as const,
};

export function useConventionList(filters: ConventionFilters) {
  return useInfiniteQuery({
    queryKey: conventionKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<Page<ConventionSummary>>(
        `/conventions${queryString({ ...filters, limit: PAGE_SIZE, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useConvention(id: number) {
  return useQuery({
    queryKey: conventionKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<ConventionDetail>(`/conventions/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** Whether a 409's `error.current` looks like a convention detail (the server's current object). */
export function isConventionDetail(value: unknown): value is ConventionDetail {
  return typeof value === 'object' && value !== null && 'allowedTransitions' in value && 'version' in value;
}

/** After a write: the detail is the server's answer; lists and key figures are stale. */
export function storeConvention(client: QueryClient, convention: ConventionDetail): void {
  client.setQueryData(conventionKeys.detail(convention.id), convention);
  void client.invalidateQueries({ queryKey: [...conventionKeys.all, 'list'] });
  void client.invalidateQueries({ queryKey: referenceKeys.stats });
}

export function useCreateConvention() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ConventionCreateInput) =>
      apiFetch<ConventionDetail>('/conventions', { method: 'POST', body: input }),
    onSuccess: (convention) => storeConvention(client, convention),
  });
}

export function useUpdateConvention(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ConventionUpdateInput) =>
      apiFetch<ConventionDetail>(`/conventions/${id}`, { method: 'PATCH', body: input }),
    onSuccess: (convention) => storeConvention(client, convention),
  });
}

export function useChangeStatus(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: StatusChangeInput) =>
      apiFetch<ConventionDetail>(`/conventions/${id}/status`, { method: 'POST', body: input }),
    onSuccess: (convention) => storeConvention(client, convention),
  });
}
