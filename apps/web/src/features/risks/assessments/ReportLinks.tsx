import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { assessmentPath } from '../api.js';

const VARIANTS = [
  { format: 'pdf', lang: 'zh-TW' },
  { format: 'pdf', lang: 'en' },
  { format: 'docx', lang: 'zh-TW' },
  { format: 'docx', lang: 'en' },
] as const;

/** Downloads of the 風險評估報告 (risk assessment report) as PDF or DOCX, in Chinese or English. */
export function ReportLinks({ assessmentId }: { assessmentId: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap">
      {VARIANTS.map(({ format, lang }) => (
        <Button
          key={`${format}-${lang}`}
          component="a"
          href={`${assessmentPath(assessmentId)}/report?format=${format}&lang=${lang}`}
          download
          variant="default"
          size="sm"
        >
          {t(`risks.report.${format}`, {
            language: t(`risks.report.languages.${lang === 'en' ? 'en' : 'zh'}`),
          })}
        </Button>
      ))}
    </Group>
  );
}
