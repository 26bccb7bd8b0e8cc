import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { InvitationAcceptInput, LoginInput, Me } from '../../shared/api/accounts.js';
import { apiFetch, setCsrfToken } from './http.js';

/** The signed-in person (or nobody) and the session's anti-forgery token. */
export const meKey = ['me'] as const;

export type SignedInUser = NonNullable<Me['user']>;

async function fetchMe(signal?: AbortSignal): Promise<Me> {
  const me = await apiFetch<Me>('/auth/me', { signal });
  setCsrfToken(me.csrfToken);
  return me;
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: ({ signal }) => fetchMe(signal), staleTime: 5 * 60_000 });
}

/**
 * A new session (or none): what every page shows depends on who asks, so everything but the
 * person and the brand is reloaded.
 */
export function storeSession(client: QueryClient, me: Me): void {
  setCsrfToken(me.csrfToken);
  client.setQueryData(meKey, me);
  void client.resetQueries({ predicate: (query) => query.queryKey[0] !== 'me' && query.queryKey[0] !== 'config' });
}

const SIGNED_OUT: Me = { user: null, csrfToken: null };

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => apiFetch<Me>('/auth/login', { method: 'POST', body: input }),
    onSuccess: (me) => storeSession(client, me),
  });
}

/**
 * Signing out: `leave` runs first (navigate away, with `flushSync` so the new page is on screen), so
 * that pages reserved to signed-in people are gone before the session is (they would otherwise send
 * the person to the sign-in page).
 */
export function useLogout(leave: () => Promise<void> | void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>('/auth/logout', { method: 'POST' }),
    onSettled: async () => {
      await leave();
      storeSession(client, SIGNED_OUT);
    },
  });
}

export function useLogoutEverywhere(leave: (closedSessions: number) => Promise<void> | void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<{ closedSessions: number }>('/auth/logout-everywhere', { method: 'POST' }),
    onSuccess: async ({ closedSessions }) => {
      await leave(closedSessions);
      storeSession(client, SIGNED_OUT);
    },
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) =>
      apiFetch<{ message: string }>('/auth/password-reset-requests', { method: 'POST', body: { email } }),
  });
}

export function useResetPassword(token: string) {
  return useMutation({
    mutationFn: (password: string) =>
      apiFetch<void>(`/auth/password-resets/${encodeURIComponent(token)}`, { method: 'POST', body: { password } }),
  });
}

export function useAcceptInvitation(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InvitationAcceptInput) =>
      apiFetch<Me>(`/invitations/${encodeURIComponent(token)}/accept`, { method: 'POST', body: input }),
    onSuccess: (me) => storeSession(client, me),
  });
}

const CAF_ROLES = new Set(['caf_admin', 'caf_agent']);

/**
 * Who may start a convention: a platform administrator, or an admin or agent of a Caf for all of
 * its conventions (the server decides in the end; this only hides what would be refused).
 */
export function canCreateConvention(user: SignedInUser | null | undefined): boolean {
  if (!user) return false;
  return user.isPlatformAdmin || user.memberships.some((m) => CAF_ROLES.has(m.role) && m.conventionIds === null);
}

/** Platform administrators and Caf administrators manage invitations and API tokens. */
export function canAdministrate(user: SignedInUser | null | undefined): boolean {
  if (!user) return false;
  return user.isPlatformAdmin || user.memberships.some((m) => m.role === 'caf_admin');
}

/** The sign-in page, with the way back to where the person was (an in-app path only). */
export function loginPathFor(returnTo: string): string {
  const safe = safeReturnPath(returnTo);
  return safe === '/' ? '/connexion' : `/connexion?retour=${encodeURIComponent(safe)}`;
}

/** Keeps only same-site paths ("/x", not "//host" or "https://…"), and never back to the sign-in page. */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value === '/connexion' || value.startsWith('/connexion?')) return '/';
  return value;
}
