import { useQuery } from '@tanstack/react-query';
import { apiTokenList, profileResponse } from '@vigil/contracts';
import { api } from '../../api/client.js';

export const profileKey = ['me'] as const;
export const tokensKey = ['me', 'tokens'] as const;

export function useProfile() {
  return useQuery({ queryKey: profileKey, queryFn: () => api.get('/api/me', profileResponse) });
}

export function useApiTokens() {
  return useQuery({ queryKey: tokensKey, queryFn: () => api.get('/api/me/tokens', apiTokenList) });
}
