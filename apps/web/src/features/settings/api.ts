import { useQuery } from '@tanstack/react-query';
import { settingsResponse } from '@vigil/contracts';
import { api } from '../../api/client.js';

export const settingsKey = ['settings'] as const;

export function useSettings(enabled = true) {
  return useQuery({
    queryKey: settingsKey,
    queryFn: () => api.get('/api/settings', settingsResponse),
    enabled,
  });
}
