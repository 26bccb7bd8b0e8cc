import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Webhook, WebhookCreated, WebhookCreateInput, WebhookDelivery, WebhookUpdateInput } from '../../shared/api/webhooks.js';
import { apiFetch } from './http.js';

const keys = {
  all: ['webhooks'] as const,
  deliveries: (id: number) => ['webhooks', id, 'deliveries'] as const,
};

export function useWebhooks(enabled: boolean) {
  return useQuery({ queryKey: keys.all, queryFn: ({ signal }) => apiFetch<Webhook[]>('/webhooks', { signal }), enabled });
}

export function useWebhookDeliveries(id: number | null) {
  return useQuery({
    queryKey: keys.deliveries(id ?? 0),
    queryFn: ({ signal }) => apiFetch<WebhookDelivery[]>(`/webhooks/${id}/deliveries`, { signal }),
    enabled: id !== null,
  });
}

export function useWebhookChanges() {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: keys.all });
  return {
    create: useMutation({ mutationFn: (input: WebhookCreateInput) => apiFetch<WebhookCreated>('/webhooks', { method: 'POST', body: input }), onSuccess: refresh }),
    update: useMutation({
      mutationFn: ({ id, ...input }: WebhookUpdateInput & { id: number }) => apiFetch<Webhook>(`/webhooks/${id}`, { method: 'PATCH', body: input }),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (id: number) => apiFetch<null>(`/webhooks/${id}`, { method: 'DELETE' }), onSuccess: refresh }),
  };
}
