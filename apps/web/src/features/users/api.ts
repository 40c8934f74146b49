import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { page, userSummary } from '@vigil/contracts';
import { api, withQuery } from '../../api/client.js';

export const usersKey = ['users'] as const;
export const userPage = page(userSummary);

export interface UserFilters {
  q: string;
  role: string | null;
  unitId: string | null;
  status: 'active' | 'disabled' | 'locked' | null;
  mfa?: 'enabled' | 'disabled' | null;
  limit: number;
  offset: number;
}

export function useUsers(filters: UserFilters, enabled = true) {
  return useQuery({
    queryKey: [...usersKey, filters],
    queryFn: () => api.get(withQuery('/api/users', { ...filters }), userPage),
    placeholderData: keepPreviousData,
    enabled,
  });
}
