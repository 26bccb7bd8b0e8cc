import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Action, ActionCreateInput, ActionUpdateInput } from '../../shared/api/index.js';
import { conventionKeys } from './conventions.js';
import { apiFetch } from './http.js';
import { referenceKeys } from './reference.js';

export const actionKeys = {
  detail: (id: number) => ['actions', 'detail', id] as const,
};

export function useAction(id: number) {
  return useQuery({
    queryKey: actionKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<Action>(`/actions/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** An action changes its convention's page, the lists (themes, counts) and the key figures. */
function storeAction(client: QueryClient, action: Action): void {
  client.setQueryData(actionKeys.detail(action.id), action);
  void client.invalidateQueries({ queryKey: conventionKeys.detail(action.conventionId) });
  void client.invalidateQueries({ queryKey: [...conventionKeys.all, 'list'] });
  void client.invalidateQueries({ queryKey: referenceKeys.stats });
  void client.invalidateQueries({ queryKey: ['history'] });
}

export function useCreateAction(conventionId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ActionCreateInput) =>
      apiFetch<Action>(`/conventions/${conventionId}/actions`, { method: 'POST', body: input }),
    onSuccess: (action) => storeAction(client, action),
  });
}

export function useUpdateAction(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ActionUpdateInput) => apiFetch<Action>(`/actions/${id}`, { method: 'PATCH', body: input }),
    onSuccess: (action) => storeAction(client, action),
  });
}
