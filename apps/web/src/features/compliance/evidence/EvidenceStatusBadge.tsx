import { Badge } from '@mantine/core';
import type { EvidenceStatus } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';

const COLORS: Record<EvidenceStatus, string> = {
  valid: 'green',
  expiring: 'orange',
  expired: 'red',
  no_expiry: 'gray',
};

/** Whether evidence is still valid, in its last 30 days, or lapsed. */
export function EvidenceStatusBadge({ status }: { status: EvidenceStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant={status === 'expired' ? 'filled' : 'light'}>
      {t(`compliance.evidence.statuses.${status}`)}
    </Badge>
  );
}
