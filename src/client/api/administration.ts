import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Organisation } from '../../shared/api/index.js';
import type { ApiToken, Invitation, InvitationCreateInput } from '../../shared/api/accounts.js';
import { apiFetch } from './http.js';

export type ApiTokenCreated = ApiToken & { token: string };
export type ApiTokenInput = { name: string; organisationId: number; scope: 'read' | 'write' };

export const administrationKeys = {
  organisations: ['organisations', 'all'] as const,
  apiTokens: ['api-tokens'] as const,
  invitation: (token: string) => ['invitations', token] as const,
};

/** Every organisation, by name (the server caps a page at 200). */
export function useAllOrganisations(enabled = true) {
  return useQuery({
    enabled,
    queryKey: administrationKeys.organisations,
    queryFn: ({ signal }) => apiFetch<Organisation[]>('/organisations?limit=200', { signal }),
    staleTime: 60_000,
  });
}

export function useInvitation(token: string) {
  return useQuery({
    queryKey: administrationKeys.invitation(token),
    queryFn: ({ signal }) => apiFetch<Invitation>(`/invitations/${encodeURIComponent(token)}`, { signal }),
    staleTime: Infinity,
  });
}

export function useCreateInvitation() {
  return useMutation({
    mutationFn: (input: InvitationCreateInput) => apiFetch<Invitation>('/invitations', { method: 'POST', body: input }),
  });
}

export function useApiTokens(enabled: boolean) {
  return useQuery({
    queryKey: administrationKeys.apiTokens,
    queryFn: ({ signal }) => apiFetch<ApiToken[]>('/api-tokens', { signal }),
    enabled,
  });
}

export function useCreateApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiTokenInput) => apiFetch<ApiTokenCreated>('/api-tokens', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: administrationKeys.apiTokens }),
  });
}

export function useRevokeApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch<ApiToken>(`/api-tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: administrationKeys.apiTokens }),
  });
}
