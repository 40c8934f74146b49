import { Anchor, Stack, Table, Text } from '@mantine/core';
import type { RiskScenarioView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable.js';
import { StatusBadge } from '../../../components/StatusBadge.js';
import { LevelBadge } from './LevelBadge.js';

interface RiskTableProps {
  caption: string;
  items: readonly RiskScenarioView[] | undefined;
  busy?: boolean;
}

/** Risk scenarios with inherent, target and actual residual levels side by side. */
export function RiskTable({ caption, items, busy }: RiskTableProps) {
  const { t } = useTranslation();
  const columns = [
    t('risks.fields.code'),
    t('risks.fields.title'),
    t('risks.fields.assets'),
    t('risks.fields.owner'),
    t('risks.fields.inherent'),
    t('risks.fields.target'),
    t('risks.fields.actual'),
    t('risks.fields.treatmentOption'),
    t('common.status'),
  ];
  return (
    <DataTable minWidth={900} caption={caption} columns={columns} aria-busy={busy}>
      {items?.length === 0 ? (
        <Table.Tr>
          <Table.Td colSpan={columns.length}>
            <Text size="sm" c="dimmed">
              {t('risks.register.none')}
            </Text>
          </Table.Td>
        </Table.Tr>
      ) : null}
      {items?.map((risk) => (
        <Table.Tr key={risk.id}>
          <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
            <Anchor component={Link} to={`/risks/scenarios/${risk.id}`}>
              {risk.code}
            </Anchor>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{risk.title}</Text>
            {risk.methodologyOutdated ? (
              <Text size="xs" fs="italic">
                {t('risks.scenario.outdatedShort')}
              </Text>
            ) : null}
          </Table.Td>
          <Table.Td>
            <Text size="sm">{risk.assets.map((a) => a.code).join(t('common.listSeparator'))}</Text>
          </Table.Td>
          <Table.Td>{risk.owner?.displayName ?? '—'}</Table.Td>
          <Table.Td>
            <LevelBadge level={risk.inherent.level} />
          </Table.Td>
          <Table.Td>
            <LevelBadge level={risk.target?.level} />
          </Table.Td>
          <Table.Td>
            <LevelBadge level={risk.actual?.level} />
          </Table.Td>
          <Table.Td>
            {risk.treatmentOption ? t(`risks.treatmentOptions.${risk.treatmentOption}`) : '—'}
          </Table.Td>
          <Table.Td>
            <Stack gap={4} align="flex-start">
              <StatusBadge tone={risk.status === 'closed' ? 'neutral' : 'success'}>
                {t(`risks.statuses.${risk.status}`)}
              </StatusBadge>
              {risk.overdue ? <StatusBadge tone="danger">{t('risks.overdue')}</StatusBadge> : null}
            </Stack>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
