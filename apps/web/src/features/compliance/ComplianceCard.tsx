import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions } from '../../api/session.js';
import { useComplianceSummary } from './api.js';

/** Home page card: evidence about to lapse or lapsed, open gaps and the SoA status, each linking to its page. */
export function ComplianceCard() {
  const { t } = useTranslation();
  const can = usePermissions();
  const allowed = can('compliance.read');
  const summary = useComplianceSummary(allowed);
  if (!allowed || !summary.data) return null;
  const d = summary.data;
  const soaText = d.soa
    ? t('compliance.card.soaStatus', {
        version: d.soa.version,
        status: t(`compliance.soa.statuses.${d.soa.status}`),
      })
    : t('compliance.card.soaNone');
  const rows = [
    {
      to: '/compliance/evidence?status=expiring',
      label: t('compliance.card.expiring', { count: d.evidence.expiring }),
    },
    {
      to: '/compliance/evidence?status=expired',
      label: t('compliance.card.expired', { count: d.evidence.expired }),
    },
    {
      to: '/compliance/assessments',
      label: t('compliance.card.openGaps', { count: d.openGaps, overdue: d.overdueGaps }),
    },
    { to: '/compliance/soa', label: d.soaDraft ? `${soaText} · ${t('compliance.card.soaDraft')}` : soaText },
  ];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="compliance-card-heading">
      <Stack gap="sm">
        <Text id="compliance-card-heading" fw={700} size="lg">
          {t('compliance.card.title')}
        </Text>
        {rows.map((r) => (
          <Group key={r.to} gap="xs">
            <Anchor component={Link} to={r.to} size="sm">
              {r.label}
            </Anchor>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
