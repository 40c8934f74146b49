import { useCallback } from 'react';
import { useLanguage } from '../../i18n/useLanguage.js';

interface Bilingual {
  en: string;
  zh: string;
}

/** Picks the UI language's text from a record that carries both (levels, scales, catalogue entries). */
export function useBilingual() {
  const language = useLanguage();
  return useCallback(
    (value: Bilingual | null | undefined): string =>
      value ? (language === 'zh-TW' ? value.zh : value.en) : '—',
    [language],
  );
}

/** A catalogue entry's name in the UI language. */
export function useCatalogueName() {
  const language = useLanguage();
  return useCallback(
    (entry: { nameEn: string; nameZh: string } | null | undefined): string =>
      entry ? (language === 'zh-TW' ? entry.nameZh : entry.nameEn) : '—',
    [language],
  );
}

/** A scale level's description in the UI language. */
export function useScaleDescription() {
  const language = useLanguage();
  return useCallback(
    (level: { descriptionEn: string; descriptionZh: string }): string =>
      language === 'zh-TW' ? level.descriptionZh : level.descriptionEn,
    [language],
  );
}
