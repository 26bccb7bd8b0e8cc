import { useQuery } from '@tanstack/react-query';
import type { Coverage, CoverageAreas, CoverageTimeline, Renewals, SimilarActions, ThemeActions, ThemesMatrix } from '../../shared/api/index.js';
import { apiFetch, queryString } from './http.js';

type Scope = { departement?: string; region?: string };

export function useCoverage(params: Scope & { date?: string }) {
  return useQuery({
    queryKey: ['coverage', params],
    queryFn: ({ signal }) => apiFetch<Coverage>(`/coverage${queryString({ ...params, communes: params.departement ? 'all' : 'none' })}`, { signal }),
  });
}

export function useCoverageByDepartement(date?: string) {
  return useQuery({
    queryKey: ['coverage', 'departements', date],
    queryFn: ({ signal }) => apiFetch<CoverageAreas>(`/coverage/departements${queryString({ date })}`, { signal }),
  });
}

export function useCoverageTimeline(params: Scope) {
  return useQuery({
    queryKey: ['coverage', 'timeline', params],
    queryFn: ({ signal }) => apiFetch<CoverageTimeline>(`/coverage/timeline${queryString(params)}`, { signal }),
  });
}

export function useThemesMatrix(params: Scope) {
  return useQuery({
    queryKey: ['themes-matrix', params],
    queryFn: ({ signal }) => apiFetch<ThemesMatrix>(`/themes-matrix${queryString(params)}`, { signal }),
  });
}

export function useThemeActions(params: Scope & { theme?: string; convention?: number }) {
  return useQuery({
    queryKey: ['themes-matrix', 'actions', params],
    queryFn: ({ signal }) => apiFetch<ThemeActions>(`/themes-matrix/actions${queryString(params)}`, { signal }),
    enabled: Boolean(params.theme),
  });
}

export function useRenewals(params: Scope & { date?: string; months?: number }) {
  return useQuery({
    queryKey: ['renewals', params],
    queryFn: ({ signal }) => apiFetch<Renewals>(`/renewals${queryString(params)}`, { signal }),
  });
}

export function useSimilarActions(actionId: number, limit = 5) {
  return useQuery({
    queryKey: ['actions', 'similar', actionId, limit],
    queryFn: ({ signal }) => apiFetch<SimilarActions>(`/actions/${actionId}/similar${queryString({ limit })}`, { signal }),
  });
}
