import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CoverageTarget, CoverageTargets } from '../../shared/api/index.js';
import { apiFetch, queryString } from './http.js';

const key = (caf?: number) => ['coverage', 'targets', caf] as const;

export function useCoverageTargets(caf?: number) {
  return useQuery({
    queryKey: key(caf),
    queryFn: ({ signal }) => apiFetch<CoverageTargets>(`/coverage/targets${queryString({ caf })}`, { signal }),
  });
}

/** Sets a Caf's target for a year: a new one, or the existing one changed with the version read. */
export function useSaveCoverageTarget(cafId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ year, rate, existing }: { year: number; rate: number; existing?: CoverageTarget }) =>
      existing
        ? apiFetch<CoverageTarget>(`/coverage/targets/${existing.id}`, { method: 'PATCH', body: { version: existing.version, rate } })
        : apiFetch<CoverageTarget>('/coverage/targets', { method: 'POST', body: { cafId, year, rate } }),
    onSettled: () => client.invalidateQueries({ queryKey: ['coverage'] }),
  });
}

export function useDeleteCoverageTarget() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (target: CoverageTarget) => apiFetch<void>(`/coverage/targets/${target.id}${queryString({ version: target.version })}`, { method: 'DELETE' }),
    onSettled: () => client.invalidateQueries({ queryKey: ['coverage'] }),
  });
}
