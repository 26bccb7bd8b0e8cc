import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Body, BodyCreateInput, BodyUpdateInput, Campaign, CampaignCreateInput, CampaignSummary, Decision, DecisionInput, GovernanceOverview, Meeting, MeetingCreateInput, MeetingUpdateInput, NotificationList, Pack,
} from '../../shared/api/index.js';
import { apiFetch } from './http.js';

const valid = (id: number) => Number.isInteger(id) && id > 0;

export const governanceKeys = {
  overview: (conventionId: number) => ['conventions', conventionId, 'governance'] as const,
  meeting: (id: number) => ['meetings', id] as const,
  pack: (id: number) => ['meetings', id, 'pack'] as const,
};

export function useGovernance(conventionId: number) {
  return useQuery({ queryKey: governanceKeys.overview(conventionId), queryFn: ({ signal }) => apiFetch<GovernanceOverview>(`/conventions/${conventionId}/governance`, { signal }), enabled: valid(conventionId) });
}

export function useMeeting(id: number) {
  return useQuery({ queryKey: governanceKeys.meeting(id), queryFn: ({ signal }) => apiFetch<Meeting>(`/meetings/${id}`, { signal }), enabled: valid(id) });
}

export function usePack(id: number) {
  return useQuery({ queryKey: governanceKeys.pack(id), queryFn: ({ signal }) => apiFetch<Pack>(`/meetings/${id}/pack`, { signal }), enabled: valid(id) });
}

export function useGovernanceChanges(conventionId: number) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: governanceKeys.overview(conventionId) });
  return {
    createBody: useMutation({ mutationFn: (input: BodyCreateInput) => apiFetch<Body>(`/conventions/${conventionId}/bodies`, { method: 'POST', body: input }), onSuccess: refresh }),
    updateBody: useMutation({ mutationFn: ({ id, input }: { id: number; input: BodyUpdateInput }) => apiFetch<Body>(`/bodies/${id}`, { method: 'PATCH', body: input }), onSuccess: refresh }),
    deleteBody: useMutation({ mutationFn: ({ id, version }: { id: number; version: number }) => apiFetch<void>(`/bodies/${id}?version=${version}`, { method: 'DELETE' }), onSuccess: refresh }),
    createMeeting: useMutation({ mutationFn: (input: MeetingCreateInput) => apiFetch<Meeting>(`/conventions/${conventionId}/meetings`, { method: 'POST', body: input }), onSuccess: refresh }),
    renew: useMutation({ mutationFn: () => apiFetch<{ id: number; title: string; carriedActions: number }>(`/conventions/${conventionId}/renewal`, { method: 'POST', body: {} }), onSuccess: refresh }),
  };
}

export function useMeetingChanges(meetingId: number) {
  const client = useQueryClient();
  const store = (meeting: Meeting) => {
    client.setQueryData(governanceKeys.meeting(meeting.id), meeting);
    void client.invalidateQueries({ queryKey: governanceKeys.overview(meeting.conventionId) });
  };
  const reload = () => client.invalidateQueries({ queryKey: governanceKeys.meeting(meetingId) });
  return {
    update: useMutation({ mutationFn: (input: MeetingUpdateInput) => apiFetch<Meeting>(`/meetings/${meetingId}`, { method: 'PATCH', body: input }), onSuccess: store }),
    invite: useMutation({ mutationFn: (version: number) => apiFetch<Meeting>(`/meetings/${meetingId}/invitations`, { method: 'POST', body: { version } }), onSuccess: store }),
    propose: useMutation({ mutationFn: (input: DecisionInput) => apiFetch<Decision>(`/meetings/${meetingId}/decisions`, { method: 'POST', body: input }), onSuccess: reload }),
    withdraw: useMutation({ mutationFn: (id: number) => apiFetch<void>(`/decisions/${id}`, { method: 'DELETE' }), onSuccess: reload }),
    followUp: useMutation({ mutationFn: ({ id, text }: { id: number; text: string | null }) => apiFetch<Decision>(`/decisions/${id}/follow-up`, { method: 'PUT', body: { followUp: text } }), onSuccess: reload }),
    validate: useMutation({
      mutationFn: (version: number) => apiFetch<Meeting>(`/meetings/${meetingId}/validate`, { method: 'POST', body: { version } }),
      onSuccess: (meeting) => {
        store(meeting);
        // The plan changed: actions, indicators and their histories.
        void client.invalidateQueries({ queryKey: ['actions'] });
        void client.invalidateQueries({ queryKey: ['conventions'] });
        void client.invalidateQueries({ queryKey: ['history'] });
      },
    }),
  };
}

export const notificationKeys = { all: ['notifications'] as const };

export function useNotificationCounts(enabled: boolean) {
  return useQuery({
    queryKey: [...notificationKeys.all, 'counts'],
    queryFn: ({ signal }) => apiFetch<{ unread: number; needsAction: number }>('/notifications/counts', { signal }),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useNotifications(filter: 'all' | 'unread' | 'action') {
  return useQuery({ queryKey: [...notificationKeys.all, filter], queryFn: ({ signal }) => apiFetch<NotificationList>(`/notifications?filter=${filter}`, { signal }) });
}

export function useNotificationChanges() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: notificationKeys.all });
  return {
    read: useMutation({ mutationFn: (id: number) => apiFetch<void>(`/notifications/${id}/read`, { method: 'POST' }), onSuccess: refresh }),
    readAll: useMutation({ mutationFn: () => apiFetch<void>('/notifications/read-all', { method: 'POST' }), onSuccess: refresh }),
    preference: useMutation({ mutationFn: (mode: 'immediate' | 'digest') => apiFetch<void>('/notifications/preference', { method: 'PUT', body: { mode } }), onSuccess: refresh }),
  };
}

export function useCampaigns() {
  return useQuery({ queryKey: ['campaigns'], queryFn: ({ signal }) => apiFetch<CampaignSummary[]>('/campaigns', { signal }) });
}

export function useCampaign(id: number) {
  return useQuery({ queryKey: ['campaigns', id], queryFn: ({ signal }) => apiFetch<Campaign>(`/campaigns/${id}`, { signal }), enabled: valid(id) });
}

export function useCampaignChanges() {
  const client = useQueryClient();
  const store = (campaign: Campaign) => {
    client.setQueryData(['campaigns', campaign.id], campaign);
    void client.invalidateQueries({ queryKey: ['campaigns'] });
  };
  return {
    open: useMutation({ mutationFn: (input: CampaignCreateInput) => apiFetch<Campaign>('/campaigns', { method: 'POST', body: input }), onSuccess: store }),
    close: useMutation({ mutationFn: ({ id, version }: { id: number; version: number }) => apiFetch<Campaign>(`/campaigns/${id}/close`, { method: 'POST', body: { version } }), onSuccess: store }),
  };
}
