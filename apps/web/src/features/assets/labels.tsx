import { Badge } from '@mantine/core';
import type { AssetValuationSettings, ProtectionLevel } from '@vigil/contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useValuationSettings } from './api.js';

const PROTECTION_COLOR: Record<ProtectionLevel, string> = {
  high: 'red.9',
  medium: 'orange.9',
  normal: 'gray.8',
};

/** 高 / 中 / 普 as a badge: the word is always there, the colour only repeats it. */
export function ProtectionBadge({ level }: { level: ProtectionLevel | null }) {
  const { t } = useTranslation();
  if (!level) return <>—</>;
  return (
    <Badge variant="outline" color={PROTECTION_COLOR[level]}>
      {t(`assets.protection.${level}`)}
    </Badge>
  );
}

/** A classification key in the UI language, as the organisation's list names it. */
export function classificationName(
  settings: AssetValuationSettings | undefined,
  key: string | null,
  language: string,
): string {
  if (!key) return '—';
  const level = settings?.classifications.find((c) => c.key === key);
  if (!level) return key;
  return language.startsWith('zh') ? level.zh : level.en;
}

export function useClassificationName() {
  const { i18n } = useTranslation();
  const settings = useValuationSettings();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useCallback(
    (key: string | null) => classificationName(settings.data, key, language),
    [settings.data, language],
  );
}

export function useClassificationOptions() {
  const { i18n } = useTranslation();
  const settings = useValuationSettings();
  const zh = (i18n.resolvedLanguage ?? i18n.language).startsWith('zh');
  return (settings.data?.classifications ?? []).map((c) => ({ value: c.key, label: zh ? c.zh : c.en }));
}

/** The export links' `lang`: the UI language. */
export function useExportLanguage(): 'zh-TW' | 'en' {
  const { i18n } = useTranslation();
  return (i18n.resolvedLanguage ?? i18n.language).startsWith('zh') ? 'zh-TW' : 'en';
}
