import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Amendment, AmendmentCreateInput, AmendmentUpdateInput, PlanVersion, PlanVersionSummary } from '../../shared/api/index.js';
import type { PlanDiff } from '../../shared/plan-diff.js';
import { apiFetch } from './http.js';

export const amendmentKeys = {
  list: (conventionId: number) => ['conventions', conventionId, 'amendments'] as const,
  versions: (conventionId: number) => ['conventions', conventionId, 'plan-versions'] as const,
  diff: (conventionId: number, from: number, to: string) => ['conventions', conventionId, 'plan-diff', from, to] as const,
};

export const useAmendments = (conventionId: number) =>
  useQuery({ queryKey: amendmentKeys.list(conventionId), queryFn: ({ signal }) => apiFetch<Amendment[]>(`/conventions/${conventionId}/amendments`, { signal }) });

export const usePlanVersions = (conventionId: number) =>
  useQuery({ queryKey: amendmentKeys.versions(conventionId), queryFn: ({ signal }) => apiFetch<PlanVersionSummary[]>(`/conventions/${conventionId}/plan-versions`, { signal }) });

export const usePlanDiff = (conventionId: number, from: number | null, to: string) =>
  useQuery({
    queryKey: amendmentKeys.diff(conventionId, from ?? 0, to),
    queryFn: ({ signal }) => apiFetch<PlanDiff>(`/conventions/${conventionId}/plan-diff?from=${from}&to=${to}`, { signal }),
    enabled: from !== null,
  });

export function useAmendmentChanges(conventionId: number) {
  const client = useQueryClient();
  const refresh = () => {
    void client.invalidateQueries({ queryKey: amendmentKeys.list(conventionId) });
    void client.invalidateQueries({ queryKey: amendmentKeys.versions(conventionId) });
  };
  return {
    create: useMutation({
      mutationFn: (input: AmendmentCreateInput) => apiFetch<Amendment>(`/conventions/${conventionId}/amendments`, { method: 'POST', body: input }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, input }: { id: number; input: AmendmentUpdateInput }) => apiFetch<Amendment>(`/amendments/${id}`, { method: 'PATCH', body: input }),
      onSuccess: refresh,
    }),
    recordVersion: useMutation({
      mutationFn: (label: string) => apiFetch<PlanVersion>(`/conventions/${conventionId}/plan-versions`, { method: 'POST', body: { label } }),
      onSuccess: refresh,
    }),
  };
}
