import type { MembershipInfo } from '../../shared/api/accounts.js';

/** Who is calling: nobody, a signed-in person, or an integration's API token. */
export type Principal =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: number;
      email: string;
      displayName: string;
      isPlatformAdmin: boolean;
      memberships: MembershipInfo[];
      /** Set when authenticated by the session cookie: writes must echo it (CSRF). */
      csrfToken: string | null;
    }
  | { kind: 'token'; tokenId: number; name: string; isPlatformAdmin: boolean; memberships: MembershipInfo[]; readOnly?: boolean };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

/** The label written in audit records and histories. */
export function actorLabel(principal: Principal): string {
  switch (principal.kind) {
    case 'user':
      return `${principal.displayName} <${principal.email}>`;
    case 'token':
      return `jeton « ${principal.name} »`;
    default:
      return 'anonyme';
  }
}
