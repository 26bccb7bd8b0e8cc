import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SearchKind, SearchResult } from '../../shared/api/search.js';
import { apiFetch, queryString } from './http.js';

export const useSearch = (q: string, kind: SearchKind | '') =>
  useQuery({
    queryKey: ['search', q, kind],
    queryFn: ({ signal }) => apiFetch<SearchResult>(`/search${queryString({ q, kind: kind || undefined, limit: 30 })}`, { signal }),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
