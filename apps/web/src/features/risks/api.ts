import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  riskAssessmentList,
  riskAssessmentResponse,
  type riskCatalogueRef,
  riskHeatmapResponse,
  riskMethodologyList,
  riskMethodologyResponse,
  riskRegisterList,
  riskScenarioDetail,
  riskThreatList,
  riskTrendResponse,
  riskVulnerabilityList,
  treatmentItemList,
} from '@vigil/contracts';
import type { z } from 'zod';
import { api, withQuery } from '../../api/client.js';

export const risksKey = ['risks'] as const;
export const methodologyKey = ['risks', 'methodology'] as const;
export const catalogueKey = ['risks', 'catalogue'] as const;
export const assessmentsKey = ['risks', 'assessments'] as const;
export const registerKey = ['risks', 'register'] as const;
export const treatmentKey = ['risks', 'treatment'] as const;

const enc = encodeURIComponent;
export const methodologyPath = (id: string) => `/api/risk-methodologies/${enc(id)}`;
export const assessmentPath = (id: string) => `/api/risk-assessments/${enc(id)}`;
export const scenarioPath = (id: string) => `/api/risks/${enc(id)}`;
export const treatmentItemPath = (id: string) => `/api/risk-treatment-items/${enc(id)}`;
export const cataloguePath = (kind: CatalogueKind, id?: string) =>
  id ? `/api/risk-${kind}/${enc(id)}` : `/api/risk-${kind}`;

export type CatalogueKind = 'threats' | 'vulnerabilities';
export type Query = Record<string, string | number | undefined | null>;

export function useMethodologies(enabled = true) {
  return useQuery({
    queryKey: [...methodologyKey, 'list'],
    queryFn: () => api.get('/api/risk-methodologies', riskMethodologyList),
    enabled,
  });
}

/** The approved methodology, or null when none has been approved yet. */
export function useCurrentMethodology(enabled = true) {
  return useQuery({
    queryKey: [...methodologyKey, 'current'],
    queryFn: async () => {
      const list = await api.get('/api/risk-methodologies', riskMethodologyList);
      return list.items.find((m) => m.status === 'approved') ?? null;
    },
    enabled,
  });
}

export function useMethodology(id: string | undefined) {
  return useQuery({
    queryKey: [...methodologyKey, 'one', id],
    queryFn: () => api.get(methodologyPath(id ?? ''), riskMethodologyResponse),
    enabled: Boolean(id),
    staleTime: 60_000,
  });
}

export function useThreats(query: Query = {}, enabled = true) {
  return useQuery({
    queryKey: [...catalogueKey, 'threats', query],
    queryFn: () => api.get(withQuery('/api/risk-threats', query), riskThreatList),
    enabled,
  });
}

export function useVulnerabilities(query: Query = {}, enabled = true) {
  return useQuery({
    queryKey: [...catalogueKey, 'vulnerabilities', query],
    queryFn: () => api.get(withQuery('/api/risk-vulnerabilities', query), riskVulnerabilityList),
    enabled,
  });
}

export function useAssessments(query: Query, enabled = true) {
  return useQuery({
    queryKey: [...assessmentsKey, 'list', query],
    queryFn: () => api.get(withQuery('/api/risk-assessments', query), riskAssessmentList),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAssessment(id: string) {
  return useQuery({
    queryKey: [...assessmentsKey, 'one', id],
    queryFn: () => api.get(assessmentPath(id), riskAssessmentResponse),
  });
}

export function useHeatmap(assessmentId: string) {
  return useQuery({
    queryKey: [...assessmentsKey, 'heatmap', assessmentId],
    queryFn: () => api.get(`${assessmentPath(assessmentId)}/heatmap`, riskHeatmapResponse),
  });
}

export function useRegister(query: Query, enabled = true) {
  return useQuery({
    queryKey: [...registerKey, query],
    queryFn: () => api.get(withQuery('/api/risks', query), riskRegisterList),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTrend(enabled: boolean) {
  return useQuery({
    queryKey: [...risksKey, 'trend'],
    queryFn: () => api.get('/api/risks/trend', riskTrendResponse),
    enabled,
  });
}

export function useScenario(id: string) {
  return useQuery({
    queryKey: [...registerKey, 'one', id],
    queryFn: () => api.get(scenarioPath(id), riskScenarioDetail),
  });
}

export function useTreatmentItems(query: Query) {
  return useQuery({
    queryKey: [...treatmentKey, query],
    queryFn: () => api.get(withQuery('/api/risk-treatment-items', query), treatmentItemList),
    placeholderData: keepPreviousData,
  });
}

export type CatalogueRef = z.infer<typeof riskCatalogueRef>;
