import { useQuery } from '@tanstack/react-query';
import {
  type FrameworkText,
  type FrameworkValidationProblem,
  frameworkDetail,
  frameworkList,
  frameworkValidationReport,
  frameworkVersionDetail,
} from '@vigil/contracts';
import { useCallback } from 'react';
import { api, isApiError } from '../../api/client.js';
import { useLanguage } from '../../i18n/useLanguage.js';

export const frameworksKey = ['frameworks'] as const;
const enc = encodeURIComponent;
export const frameworkPath = (key: string) => `/api/frameworks/${enc(key)}`;
export const versionPath = (id: string) => `/api/framework-versions/${enc(id)}`;

export function useFrameworks() {
  return useQuery({
    queryKey: [...frameworksKey, 'list'],
    queryFn: () => api.get('/api/frameworks', frameworkList),
  });
}

export function useFramework(key: string | undefined) {
  return useQuery({
    queryKey: [...frameworksKey, 'one', key],
    queryFn: () => api.get(frameworkPath(key ?? ''), frameworkDetail),
    enabled: Boolean(key),
  });
}

export function useFrameworkVersion(id: string | null | undefined) {
  return useQuery({
    queryKey: [...frameworksKey, 'version', id],
    queryFn: () => api.get(versionPath(id ?? ''), frameworkVersionDetail),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
  });
}

/** The validation report of a refused import, or null for any other failure. */
export function importProblems(error: unknown): FrameworkValidationProblem[] | null {
  if (!isApiError(error, 'framework.invalid')) return null;
  const parsed = frameworkValidationReport.safeParse(error.details);
  return parsed.success ? parsed.data.problems : null;
}

/** Picks the UI language's side of a bilingual text. */
export function useText() {
  const language = useLanguage();
  return useCallback(
    (text: FrameworkText | null | undefined): string =>
      text ? (language === 'zh-TW' ? text['zh-TW'] : text.en) : '',
    [language],
  );
}
