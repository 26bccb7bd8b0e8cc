import { useQuery } from '@tanstack/react-query';
import type { MyFollowUp, PilotCandidates } from '../../shared/api/index.js';
import { apiFetch } from './http.js';

export const myFollowUpKeys = {
  mine: ['me', 'follow-up'] as const,
  candidates: (conventionId: number) => ['conventions', conventionId, 'pilot-candidates'] as const,
};

export const useMyFollowUp = () =>
  useQuery({ queryKey: myFollowUpKeys.mine, queryFn: ({ signal }) => apiFetch<MyFollowUp>('/me/follow-up', { signal }) });

/** Accounts and organisations that may pilot an action of the convention (only for plan editors). */
export const usePilotCandidates = (conventionId: number, enabled: boolean) =>
  useQuery({
    queryKey: myFollowUpKeys.candidates(conventionId),
    queryFn: ({ signal }) => apiFetch<PilotCandidates>(`/conventions/${conventionId}/pilot-candidates`, { signal }),
    enabled: enabled && Number.isInteger(conventionId) && conventionId > 0,
  });
