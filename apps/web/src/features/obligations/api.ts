import { useQuery } from '@tanstack/react-query';
import {
  evidenceList,
  obligationList,
  obligationProfileResponse,
  obligationSummary,
  obligationTaskDetail,
  obligationTaskList,
} from '@vigil/contracts';
import { api, withQuery } from '../../api/client.js';

export const obligationsKey = ['obligations'] as const;
const enc = encodeURIComponent;
export const taskPath = (id: string) => `/api/obligation-tasks/${enc(id)}`;
export type Query = Record<string, string | number | undefined | null>;

export function useObligationProfile() {
  return useQuery({
    queryKey: [...obligationsKey, 'profile'],
    queryFn: () => api.get('/api/obligations/profile', obligationProfileResponse),
  });
}

export function useObligations(enabled: boolean) {
  return useQuery({
    queryKey: [...obligationsKey, 'list'],
    queryFn: () => api.get('/api/obligations', obligationList),
    enabled,
  });
}

export function useTasks(query: Query) {
  return useQuery({
    queryKey: [...obligationsKey, 'tasks', query],
    queryFn: () => api.get(withQuery('/api/obligation-tasks', query), obligationTaskList),
  });
}

export function useTask(id: string | undefined) {
  return useQuery({
    queryKey: [...obligationsKey, 'task', id],
    queryFn: () => api.get(taskPath(id ?? ''), obligationTaskDetail),
    enabled: Boolean(id),
  });
}

export function useObligationSummary(enabled: boolean) {
  return useQuery({
    queryKey: [...obligationsKey, 'summary'],
    queryFn: () => api.get('/api/obligations/summary', obligationSummary),
    enabled,
  });
}

/** Evidence items one may link to a task (the compliance module's list). */
export function useEvidenceOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['evidence', 'list', 'for-tasks'],
    queryFn: () => api.get('/api/evidence', evidenceList),
    enabled,
  });
}
