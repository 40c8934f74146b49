import { Badge } from '@mantine/core';
import type { ComplianceResultStatus } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';

// Outlined shade 9, as StatusBadge: Mantine's light green, yellow and red miss WCAG AA contrast. Orange 9
// text is still only 4.3:1, so a partial result keeps the orange outline with the page's text colour.
const COLORS: Record<ComplianceResultStatus, string> = {
  compliant: 'teal.9',
  partial: 'orange.9',
  non_compliant: 'red.9',
  not_applicable: 'gray.9',
  not_assessed: 'gray.9',
};

/** One requirement's result; never truncated in a narrow table column. */
export function ResultStatusBadge({ status }: { status: ComplianceResultStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="outline"
      color={COLORS[status]}
      c={status === 'partial' ? 'var(--mantine-color-text)' : undefined}
      miw="max-content"
    >
      {t(`compliance.result.statuses.${status}`)}
    </Badge>
  );
}
