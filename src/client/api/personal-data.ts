import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page, Person, PersonalData, PersonalDataErasure, PersonalDataSubject, UserSummary } from '../../shared/api/index.js';
import { apiFetch, queryString } from './http.js';

/** People (signatories, office holders) and accounts matching a text, to pick whose data to handle. */
export function useSubjects(q: string) {
  return useQuery({
    queryKey: ['personal-data', 'subjects', q],
    enabled: q.length >= 2,
    queryFn: async ({ signal }) => {
      const persons = await apiFetch<Person[]>(`/persons${queryString({ q })}`, { signal });
      const users = await apiFetch<Page<UserSummary>>(`/users${queryString({ q, limit: 20 })}`, { signal });
      return { persons, users: users.items };
    },
  });
}

const subjectQuery = (s: PersonalDataSubject) => queryString({ userId: s.userId, personId: s.personId });

export function usePersonalData(subject: PersonalDataSubject | null) {
  return useQuery({
    queryKey: ['personal-data', subject],
    enabled: subject !== null,
    queryFn: ({ signal }) => apiFetch<PersonalData>(`/personal-data${subjectQuery(subject!)}`, { signal }),
  });
}

export const personalDataExportUrl = (subject: PersonalDataSubject) => `/api/v1/personal-data/export.json${subjectQuery(subject)}`;

export function useErasePersonalData() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (subject: PersonalDataSubject) => apiFetch<PersonalDataErasure>('/personal-data/erasure', { method: 'POST', body: subject }),
    onSettled: () => client.invalidateQueries({ queryKey: ['personal-data'] }),
  });
}
