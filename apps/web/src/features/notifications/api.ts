import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { jobList, notificationSettingsResponse, type OutboxStatus, outboxList } from '@vigil/contracts';
import { api, withQuery } from '../../api/client.js';

export const notificationSettingsKey = ['notifications', 'settings'] as const;
export const outboxKey = ['notifications', 'outbox'] as const;
export const jobsKey = ['jobs'] as const;

export const outboxRetryPath = (id: string) => `/api/notifications/outbox/${encodeURIComponent(id)}/retry`;
export const jobRunPath = (name: string) => `/api/jobs/${encodeURIComponent(name)}/run`;

export function useNotificationSettings() {
  return useQuery({
    queryKey: notificationSettingsKey,
    queryFn: () => api.get('/api/notifications/settings', notificationSettingsResponse),
  });
}

export function useOutbox(status: OutboxStatus | null) {
  return useQuery({
    queryKey: [...outboxKey, status],
    queryFn: () => api.get(withQuery('/api/notifications/outbox', { status }), outboxList),
    placeholderData: keepPreviousData,
  });
}

export function useJobs(enabled: boolean) {
  return useQuery({ queryKey: jobsKey, queryFn: () => api.get('/api/jobs', jobList), enabled });
}
