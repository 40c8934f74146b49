import { useQuery } from '@tanstack/react-query';
import {
  appliedControlList,
  complianceAssessmentDetail,
  complianceAssessmentList,
  complianceBaselineResponse,
  complianceGapList,
  complianceSummary,
  evidenceList,
  evidenceResponse,
  frameworkList,
  frameworkVersionDetail,
  soaList,
  soaResponse,
} from '@vigil/contracts';
import { api, withQuery } from '../../api/client.js';

export const complianceKey = ['compliance'] as const;
export type Query = Record<string, string | number | undefined | null>;

const enc = encodeURIComponent;
export const controlPath = (id?: string) =>
  id ? `/api/compliance/controls/${enc(id)}` : '/api/compliance/controls';
export const evidencePath = (id?: string) => (id ? `/api/evidence/${enc(id)}` : '/api/evidence');
export const assessmentPath = (id?: string) =>
  id ? `/api/compliance/assessments/${enc(id)}` : '/api/compliance/assessments';
export const resultPath = (id: string) => `/api/compliance/results/${enc(id)}`;
export const soaPath = (id?: string) => (id ? `/api/compliance/soa/${enc(id)}` : '/api/compliance/soa');

export function useControls(query: Query = {}, enabled = true) {
  return useQuery({
    queryKey: [...complianceKey, 'controls', query],
    queryFn: () => api.get(withQuery(controlPath(), query), appliedControlList),
    enabled,
  });
}

export function useEvidenceList(query: Query = {}, enabled = true) {
  return useQuery({
    queryKey: [...complianceKey, 'evidence', query],
    queryFn: () => api.get(withQuery(evidencePath(), query), evidenceList),
    enabled,
  });
}

export function useEvidence(id: string | undefined) {
  return useQuery({
    queryKey: [...complianceKey, 'evidence', 'one', id],
    queryFn: () => api.get(evidencePath(id), evidenceResponse),
    enabled: !!id,
  });
}

export function useAssessments() {
  return useQuery({
    queryKey: [...complianceKey, 'assessments'],
    queryFn: () => api.get(assessmentPath(), complianceAssessmentList),
  });
}

export function useAssessment(id: string | undefined) {
  return useQuery({
    queryKey: [...complianceKey, 'assessments', 'one', id],
    queryFn: () => api.get(assessmentPath(id), complianceAssessmentDetail),
    enabled: !!id,
  });
}

export function useGaps(assessmentId?: string) {
  return useQuery({
    queryKey: [...complianceKey, 'gaps', assessmentId ?? null],
    queryFn: () => api.get(withQuery('/api/compliance/gaps', { assessmentId }), complianceGapList),
  });
}

export function useBaseline(assetId: string | null | undefined) {
  return useQuery({
    queryKey: [...complianceKey, 'baseline', assetId],
    queryFn: () => api.get(`/api/compliance/baseline/${enc(assetId ?? '')}`, complianceBaselineResponse),
    enabled: !!assetId,
    retry: false,
  });
}

export function useSoaVersions() {
  return useQuery({ queryKey: [...complianceKey, 'soa'], queryFn: () => api.get(soaPath(), soaList) });
}

export function useSoa(id: string | undefined) {
  return useQuery({
    queryKey: [...complianceKey, 'soa', 'one', id],
    queryFn: () => api.get(soaPath(id), soaResponse),
    enabled: !!id,
  });
}

export function useComplianceSummary(enabled = true) {
  return useQuery({
    queryKey: [...complianceKey, 'summary'],
    queryFn: () => api.get('/api/compliance/summary', complianceSummary),
    enabled,
  });
}

/** The framework library (frameworks module), for picking the requirements a control addresses. */
export function useFrameworkOptions(enabled = true) {
  return useQuery({
    queryKey: ['frameworks', 'list'],
    queryFn: () => api.get('/api/frameworks', frameworkList),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** The sections and requirements of one framework version (frameworks module). */
export function useFrameworkVersionNodes(versionId: string | null | undefined) {
  return useQuery({
    queryKey: ['frameworks', 'version', versionId],
    queryFn: () => api.get(`/api/framework-versions/${enc(versionId ?? '')}`, frameworkVersionDetail),
    enabled: !!versionId,
    staleTime: 5 * 60_000,
  });
}
