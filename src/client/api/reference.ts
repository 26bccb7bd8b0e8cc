import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ConfigResponse, Organisation, Stats, Territory, Theme } from '../../shared/api/index.js';
import { DEFAULT_THEMES } from '../../shared/themes.js';
import { apiFetch, queryString } from './http.js';

export type { BrandConfig } from '../../shared/api/system.js';

export const referenceKeys = {
  config: ['config'] as const,
  stats: ['stats'] as const,
  themes: ['themes'] as const,
  cafs: ['organisations', 'caf'] as const,
  territories: (q: string) => ['territories', q] as const,
};

export function useBrandConfig() {
  return useQuery({
    queryKey: referenceKeys.config,
    queryFn: ({ signal }) => apiFetch<ConfigResponse>('/config', { signal }).then((r) => r.brand),
    staleTime: Infinity,
  });
}

export function useStats() {
  return useQuery({ queryKey: referenceKeys.stats, queryFn: ({ signal }) => apiFetch<Stats>('/stats', { signal }) });
}

export function useThemes() {
  return useQuery({
    queryKey: referenceKeys.themes,
    queryFn: ({ signal }) => apiFetch<Theme[]>('/themes', { signal }),
    staleTime: 5 * 60_000,
  });
}

/** Label of a theme code, from the server's list or else the default reference list. */
export function useThemeLabel(): (code: string) => string {
  const { data } = useThemes();
  return (code) =>
    data?.find((t) => t.code === code)?.label ?? DEFAULT_THEMES.find((t) => t.code === code)?.label ?? code;
}

export function useCafs() {
  return useQuery({
    queryKey: referenceKeys.cafs,
    queryFn: ({ signal }) => apiFetch<Organisation[]>('/organisations?kind=caf', { signal }),
    staleTime: 5 * 60_000,
  });
}

/** Territories whose name or code matches `q` (at least two characters). */
export function useTerritorySearch(q: string, limit = 10) {
  const text = q.trim();
  return useQuery({
    queryKey: [...referenceKeys.territories(text), limit],
    queryFn: ({ signal }) => apiFetch<Territory[]>(`/territories${queryString({ q: text, limit })}`, { signal }),
    enabled: text.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}
