import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Review, ReviewCreateInput, ReviewUpdateInput } from '../../shared/api/index.js';
import { apiFetch } from './http.js';

export const reviewKeys = {
  list: (conventionId: number) => ['conventions', conventionId, 'reviews'] as const,
  detail: (id: number) => ['reviews', id] as const,
};

export function useReviews(conventionId: number) {
  return useQuery({
    queryKey: reviewKeys.list(conventionId),
    queryFn: ({ signal }) => apiFetch<Review[]>(`/conventions/${conventionId}/reviews`, { signal }),
    enabled: Number.isInteger(conventionId) && conventionId > 0,
  });
}

export function useReview(id: number) {
  return useQuery({
    queryKey: reviewKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<Review>(`/reviews/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useReviewChanges(conventionId: number) {
  const client = useQueryClient();
  const store = (review: Review) => {
    client.setQueryData(reviewKeys.detail(review.id), review);
    void client.invalidateQueries({ queryKey: reviewKeys.list(conventionId) });
    void client.invalidateQueries({ queryKey: ['history'] });
  };
  return {
    create: useMutation({
      mutationFn: (input: ReviewCreateInput) => apiFetch<Review>(`/conventions/${conventionId}/reviews`, { method: 'POST', body: input }),
      onSuccess: store,
    }),
    update: useMutation({
      mutationFn: ({ id, input }: { id: number; input: ReviewUpdateInput }) => apiFetch<Review>(`/reviews/${id}`, { method: 'PATCH', body: input }),
      onSuccess: store,
    }),
    validate: useMutation({
      mutationFn: ({ id, version }: { id: number; version: number }) => apiFetch<Review>(`/reviews/${id}/validate`, { method: 'POST', body: { version } }),
      onSuccess: store,
    }),
  };
}
