import { useInfiniteQuery } from '@tanstack/react-query';
import type { Page, SecurityEvent } from '../../shared/api/index.js';
import { apiFetch, queryString } from './http.js';

export interface SecurityLogFilter {
  from?: string;
  to?: string;
  actor?: string;
  event?: string;
}

export function useSecurityLog(filter: SecurityLogFilter) {
  return useInfiniteQuery({
    queryKey: ['security-events', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiFetch<Page<SecurityEvent>>(`/security-events${queryString({ ...filter, limit: 50, cursor: pageParam })}`, { signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The CSV export of the same filter: a plain link, the session cookie goes with it. */
export const securityLogCsvUrl = (filter: SecurityLogFilter) => `/api/v1/security-events/export.csv${queryString({ ...filter })}`;
