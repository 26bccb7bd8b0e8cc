import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Page, PasswordChangeInput, UserMembership, UserSummary } from '../../shared/api/index.js';
import type { Role } from '../../shared/api/accounts.js';
import { apiFetch, queryString } from './http.js';

const usersKey = ['users'] as const;

export function useUsers(q: string) {
  return useInfiniteQuery({
    queryKey: [...usersKey, q],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => apiFetch<Page<UserSummary>>(`/users${queryString({ q, limit: 50, cursor: pageParam })}`, { signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

type MembershipRef = { userId: number; organisationId: number; version: number };

export function useChangeRole() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, organisationId, version, role, pilotOnly }: MembershipRef & { role: Role; pilotOnly: boolean }) =>
      apiFetch<UserMembership>(`/users/${userId}/memberships/${organisationId}`, { method: 'PATCH', body: { role, pilotOnly: role === 'partner_editor' && pilotOnly, version } }),
    onSettled: () => client.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useRemoveMembership() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, organisationId, version }: MembershipRef) =>
      apiFetch<void>(`/users/${userId}/memberships/${organisationId}?version=${version}`, { method: 'DELETE' }),
    onSettled: () => client.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: PasswordChangeInput) => apiFetch<{ otherSessionsClosed: number }>('/auth/password', { method: 'POST', body: input }),
  });
}
