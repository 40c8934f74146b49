import type { ObligationSchedule } from '@vigil/contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage.js';

/** Describes a schedule in the UI language ("every 12 months", "monthly by the 5th"…). */
export function useScheduleText() {
  const { t } = useTranslation();
  return useCallback(
    (s: ObligationSchedule): string => {
      switch (s.kind) {
        case 'every':
          return s.monthOfYear
            ? t('obligations.schedule.everyInMonth', { count: s.months, month: s.monthOfYear })
            : t('obligations.schedule.every', { count: s.months });
        case 'monthly':
          return t('obligations.schedule.monthly', { day: s.day });
        case 'within':
          return s.thenEvery
            ? t('obligations.schedule.withinThen', { count: s.months, after: s.thenEvery })
            : t('obligations.schedule.within', { count: s.months });
        case 'hours':
          return t('obligations.schedule.hours', { hours: s.hours, count: s.months ?? 12 });
      }
    },
    [t],
  );
}

/** A task's or obligation's title in the UI language. */
export function useTitle() {
  const language = useLanguage();
  return useCallback(
    (x: { titleEn: string; titleZh: string }) => (language === 'zh-TW' ? x.titleZh : x.titleEn),
    [language],
  );
}
