import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChildcareCoverage, DataImportInput, DataImportResult, DataSeries, SeriesCompare } from '../../shared/api/index.js';
import { apiFetch, queryString } from './http.js';

const keys = { all: ['diagnostics'] as const, series: ['diagnostics', 'series'] as const };

export function useDataSeries() {
  return useQuery({ queryKey: keys.series, queryFn: ({ signal }) => apiFetch<DataSeries[]>('/diagnostics/series', { signal }) });
}

export function useSeriesCompare(series?: string, territory?: string) {
  return useQuery({
    queryKey: [...keys.all, 'compare', series, territory],
    queryFn: ({ signal }) => apiFetch<SeriesCompare>(`/diagnostics/series/${encodeURIComponent(series!)}/compare${queryString({ territory })}`, { signal }),
    enabled: Boolean(series && territory),
  });
}

export function useChildcareCoverage(territory?: string, capacitySeries?: string, childrenSeries?: string) {
  return useQuery({
    queryKey: [...keys.all, 'childcare', territory, capacitySeries, childrenSeries],
    queryFn: ({ signal }) => apiFetch<ChildcareCoverage>(`/diagnostics/childcare-coverage${queryString({ territory, capacitySeries, childrenSeries })}`, { signal }),
    enabled: Boolean(territory && capacitySeries && childrenSeries),
  });
}

/** All or nothing on the server: a refused file comes back as a 422 whose fields list the bad lines. */
export function useImportDataSeries() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DataImportInput) => apiFetch<DataImportResult>('/diagnostics/imports', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}
