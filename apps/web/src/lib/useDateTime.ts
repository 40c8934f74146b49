import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session.js';
import { DEFAULT_TIME_ZONE, formatDateTime } from './time.js';

/** The user's time zone: their own setting, else Asia/Taipei. */
export function useTimeZone(): string {
  const { data } = useSession();
  return data?.user.timeZone || DEFAULT_TIME_ZONE;
}

/** Formats timestamps in the user's time zone and the current UI language. */
export function useFormatDateTime(): (iso: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const timeZone = useTimeZone();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useCallback(
    (iso: string | null | undefined) => (iso ? formatDateTime(iso, language, timeZone) : '—'),
    [language, timeZone],
  );
}
