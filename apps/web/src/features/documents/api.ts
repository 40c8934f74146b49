import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  acknowledgementProgress,
  disposalCandidateList,
  disposalList,
  documentDetail,
  documentDiff,
  documentLevelList,
  documentList,
  documentSummary,
  documentVersion,
  page,
  readingList,
  roleList,
  userSummary,
} from '@vigil/contracts';
import { api, withQuery } from '../../api/client.js';
import { type RegisterFilters, registerQuery } from './registerFilters.js';

export const documentsKey = ['documents'] as const;
const enc = encodeURIComponent;
export const documentPath = (id: string) => `/api/documents/${enc(id)}`;
export const versionPath = (id: string) => `/api/document-versions/${enc(id)}`;

export function useLevels() {
  return useQuery({
    queryKey: [...documentsKey, 'levels'],
    queryFn: () => api.get('/api/document-levels', documentLevelList),
  });
}

/** One page of the register; the previous page stays on screen while the next one loads. */
export function useRegister(filters: RegisterFilters, pageSize: number) {
  const query = registerQuery(filters, pageSize);
  return useQuery({
    queryKey: [...documentsKey, 'register', query],
    queryFn: () => api.get(withQuery('/api/documents', query), documentList),
    placeholderData: keepPreviousData,
  });
}

export function useDocument(id: string) {
  return useQuery({
    queryKey: [...documentsKey, 'doc', id],
    queryFn: () => api.get(documentPath(id), documentDetail),
  });
}

export function useVersion(id: string) {
  return useQuery({
    queryKey: [...documentsKey, 'version', id],
    queryFn: () => api.get(versionPath(id), documentVersion),
  });
}

export function useDiff(documentId: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: [...documentsKey, 'diff', documentId, from, to],
    queryFn: () => api.get(withQuery(`${documentPath(documentId)}/diff`, { from, to }), documentDiff),
    enabled: from !== null && to !== null && from !== to,
  });
}

export function useProgress(versionId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...documentsKey, 'progress', versionId],
    queryFn: () => api.get(`${versionPath(versionId)}/acknowledgements`, acknowledgementProgress),
    enabled,
  });
}

export function useToRead() {
  return useQuery({
    queryKey: [...documentsKey, 'to-read'],
    queryFn: () => api.get('/api/my/documents-to-read', readingList),
  });
}

export function useSummary() {
  return useQuery({
    queryKey: [...documentsKey, 'summary'],
    queryFn: () => api.get('/api/documents/summary', documentSummary),
  });
}

export function useDisposals() {
  const candidates = useQuery({
    queryKey: [...documentsKey, 'disposal-candidates'],
    queryFn: () => api.get('/api/document-disposals/candidates', disposalCandidateList),
  });
  const requests = useQuery({
    queryKey: [...documentsKey, 'disposals'],
    queryFn: () => api.get('/api/document-disposals', disposalList),
  });
  return { candidates, requests };
}

const userPage = page(userSummary);
/** Active users for the pickers (needs users.read; without it the pickers stay empty). */
export function usePeople(enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'document-pickers'],
    queryFn: () => api.get(withQuery('/api/users', { status: 'active', limit: 500 }), userPage),
    enabled,
    retry: false,
  });
}

export function useRoles(enabled: boolean) {
  return useQuery({
    queryKey: ['roles', 'document-pickers'],
    queryFn: () => api.get('/api/roles', roleList),
    enabled,
    retry: false,
  });
}
