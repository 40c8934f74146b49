import { Badge } from '@mantine/core';
import type { EvidenceStatus } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';

// Outlined shade 9 (as StatusBadge): Mantine's light green and orange miss WCAG AA contrast.
const COLORS: Record<EvidenceStatus, string> = {
  valid: 'teal.9',
  expiring: 'red.9',
  expired: 'red',
  no_expiry: 'gray.9',
};

/** Whether evidence is still valid, in its last 30 days, or lapsed. */
export function EvidenceStatusBadge({ status }: { status: EvidenceStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant={status === 'expired' ? 'filled' : 'outline'} miw="max-content">
      {t(`compliance.evidence.statuses.${status}`)}
    </Badge>
  );
}
