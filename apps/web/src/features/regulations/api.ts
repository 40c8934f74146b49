import { useQuery } from '@tanstack/react-query';
import { regulationList, regulationResponse } from '@vigil/contracts';
import { api, withQuery } from '../../api/client.js';

export const regulationsKey = ['regulations'] as const;
export const regulationPath = (id: string) => `/api/regulations/${encodeURIComponent(id)}`;
export type Query = Record<string, string | number | undefined | null>;

export function useRegulations(query: Query) {
  return useQuery({
    queryKey: [...regulationsKey, 'list', query],
    queryFn: () => api.get(withQuery('/api/regulations', query), regulationList),
  });
}

export function useRegulation(id: string | undefined) {
  return useQuery({
    queryKey: [...regulationsKey, 'one', id],
    queryFn: () => api.get(regulationPath(id ?? ''), regulationResponse),
    enabled: Boolean(id),
  });
}

export const exportHref = (format: 'xlsx' | 'pdf' | 'docx', lang: string) =>
  withQuery('/api/regulations/export', { format, lang });
