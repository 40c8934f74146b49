import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.js';
import { type RegisterFilters, registerExportHref } from '../filters.js';

/** Downloads of 風險清單 / 風險處理計畫 with the register's current filters, in the UI language. */
export function ExportLinks({ filters }: { filters: RegisterFilters }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      {(['xlsx', 'pdf'] as const).map((format) => (
        <Button
          key={format}
          component="a"
          href={registerExportHref(filters, format, language)}
          download
          variant="default"
        >
          {t(`risks.register.export.${format}`)}
        </Button>
      ))}
    </>
  );
}
