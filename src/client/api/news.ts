import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  NewsDraft,
  NewsDraftInput,
  NewsItem,
  NewsSignatureChoice,
  NewsSummary,
  PublicConvention,
  PublicNewsArticle,
  PublicNewsSummary,
} from '../../shared/api/index.js';
import type { NewsStatus } from '../../shared/enums.js';
import { apiFetch } from './http.js';

export const newsKeys = {
  all: ['news'] as const,
  list: ['news', 'list'] as const,
  item: (id: number) => ['news', 'item', id] as const,
  signatures: ['news', 'signatures'] as const,
  public: ['news', 'public'] as const,
  article: (slug: string) => ['news', 'public', slug] as const,
  convention: (id: number) => ['news', 'public-convention', id] as const,
};

export const newsFeedUrl = '/api/v1/public/news.atom';
export const newsExportUrl = (id: number, format: 'html' | 'docx') => `/api/v1/news/${id}/export.${format}`;

export const useNewsList = () => useQuery({ queryKey: newsKeys.list, queryFn: ({ signal }) => apiFetch<NewsSummary[]>('/news', { signal }) });

export const useNewsItem = (id: number) =>
  useQuery({ queryKey: newsKeys.item(id), queryFn: ({ signal }) => apiFetch<NewsItem>(`/news/${id}`, { signal }), enabled: Number.isInteger(id) && id > 0 });

export const useSignatureChoices = () =>
  useQuery({ queryKey: newsKeys.signatures, queryFn: ({ signal }) => apiFetch<NewsSignatureChoice[]>('/news/signature-events', { signal }) });

export const usePublicNews = () =>
  useQuery({ queryKey: newsKeys.public, queryFn: ({ signal }) => apiFetch<PublicNewsSummary[]>('/public/news', { signal }) });

export const usePublicArticle = (slug: string) =>
  useQuery({ queryKey: newsKeys.article(slug), queryFn: ({ signal }) => apiFetch<PublicNewsArticle>(`/public/news/${encodeURIComponent(slug)}`, { signal }) });

export const usePublicConvention = (id: number) =>
  useQuery({
    queryKey: newsKeys.convention(id),
    queryFn: ({ signal }) => apiFetch<PublicConvention>(`/public/conventions/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });

export const useDraftPreview = () => useMutation({ mutationFn: (input: NewsDraftInput) => apiFetch<NewsDraft>('/news/draft', { method: 'POST', body: input }) });

export const renderPreview = (body: string) => apiFetch<{ html: string }>('/news/render', { method: 'POST', body: { body } });

/** After a write: the item is the server's answer; every list (and the public pages) may have changed. */
function useStoreNews() {
  const client = useQueryClient();
  return (item: NewsItem) => {
    client.setQueryData(newsKeys.item(item.id), item);
    void client.invalidateQueries({ queryKey: newsKeys.list });
    void client.invalidateQueries({ queryKey: newsKeys.public });
  };
}

export function useCreateNews() {
  const store = useStoreNews();
  return useMutation({ mutationFn: (input: NewsDraftInput) => apiFetch<NewsItem>('/news', { method: 'POST', body: input }), onSuccess: store });
}

export function useUpdateNews(id: number) {
  const store = useStoreNews();
  return useMutation({
    mutationFn: (input: { version: number; title?: string; body?: string }) => apiFetch<NewsItem>(`/news/${id}`, { method: 'PATCH', body: input }),
    onSuccess: store,
  });
}

export function useRegenerateNews(id: number) {
  const store = useStoreNews();
  return useMutation({
    mutationFn: (input: { version: number; overwrite: boolean }) => apiFetch<NewsItem>(`/news/${id}/regenerate`, { method: 'POST', body: input }),
    onSuccess: store,
  });
}

export function useChangeNewsStatus(id: number) {
  const store = useStoreNews();
  return useMutation({
    mutationFn: (input: { version: number; status: NewsStatus }) => apiFetch<NewsItem>(`/news/${id}/status`, { method: 'POST', body: input }),
    onSuccess: store,
  });
}
