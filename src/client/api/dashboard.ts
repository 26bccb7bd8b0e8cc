import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BulkActionInput, FollowUpDashboard } from '../../shared/api/index.js';
import { apiFetch } from './http.js';

export const dashboardKeys = { followUp: (conventionId: number) => ['conventions', conventionId, 'follow-up'] as const };

export const useFollowUp = (conventionId: number) =>
  useQuery({
    queryKey: dashboardKeys.followUp(conventionId),
    queryFn: ({ signal }) => apiFetch<FollowUpDashboard>(`/conventions/${conventionId}/follow-up`, { signal }),
    enabled: Number.isInteger(conventionId) && conventionId > 0,
  });

export function useBulkUpdate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: BulkActionInput) => apiFetch<{ updated: number; actionIds: number[] }>('/actions/bulk', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries(),
  });
}
