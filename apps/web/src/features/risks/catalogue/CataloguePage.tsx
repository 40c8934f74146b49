import { Button, Checkbox, Group, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ASSET_TYPES,
  type AssetType,
  type RiskThreatView,
  type RiskVulnerabilityView,
  riskThreatResponse,
  riskVulnerabilityResponse,
  THREAT_CATEGORIES,
  VULNERABILITY_CATEGORIES,
} from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import { usePermissions } from '../../../api/session.js';
import { ConfirmModal } from '../../../components/ConfirmModal.js';
import { DataTable } from '../../../components/DataTable.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageHeading } from '../../../components/PageHeading.js';
import { StatusBadge } from '../../../components/StatusBadge.js';
import { useConfirmedDelete } from '../../../components/useConfirmedDelete.js';
import {
  type CatalogueKind,
  catalogueKey,
  cataloguePath,
  risksKey,
  useThreats,
  useVulnerabilities,
} from '../api.js';
import { useBilingual, useCatalogueName } from '../labels.js';
import { CatalogueFormModal } from './CatalogueFormModal.js';

type Entry = RiskThreatView | RiskVulnerabilityView;

const isAssetType = (value: string): value is AssetType => ASSET_TYPES.some((t) => t === value);

/** The threat and vulnerability catalogues. */
export function CataloguePage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<CatalogueKind>('threats');
  return (
    <>
      <PageHeading title={t('risks.catalogue.title')} />
      <Tabs value={kind} onChange={(v) => setKind(v === 'vulnerabilities' ? 'vulnerabilities' : 'threats')}>
        <Tabs.List mb="md">
          <Tabs.Tab value="threats">{t('risks.catalogue.threats.title')}</Tabs.Tab>
          <Tabs.Tab value="vulnerabilities">{t('risks.catalogue.vulnerabilities.title')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="threats">{kind === 'threats' ? <CatalogueTab kind="threats" /> : null}</Tabs.Panel>
        <Tabs.Panel value="vulnerabilities">
          {kind === 'vulnerabilities' ? <CatalogueTab kind="vulnerabilities" /> : null}
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function CatalogueTab({ kind }: { kind: CatalogueKind }) {
  const { t } = useTranslation();
  const can = usePermissions();
  const canManage = can('risks.manage');
  const name = useCatalogueName();
  const text = useBilingual();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const [includeRetired, setIncludeRetired] = useState(false);
  const [editing, setEditing] = useState<{ entry: Entry | null } | null>(null);
  const query = { q: debounced.trim() || undefined, includeRetired: includeRetired ? 'true' : undefined };
  const threats = useThreats(query, kind === 'threats');
  const vulnerabilities = useVulnerabilities(query, kind === 'vulnerabilities');
  const list = kind === 'threats' ? threats : vulnerabilities;
  const items: Entry[] = list.data?.items ?? [];
  const remove = useConfirmedDelete<Entry>((id) => cataloguePath(kind, id), catalogueKey);
  const retire = useMutation({
    mutationFn: (entry: Entry) =>
      api.patch(
        cataloguePath(kind, entry.id),
        kind === 'threats' ? riskThreatResponse : riskVulnerabilityResponse,
        {
          retired: !entry.retired,
        },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: risksKey }),
  });
  const categoryLabel = (category: string) => {
    const labels: Record<string, { en: string; zh: string }> =
      kind === 'threats' ? THREAT_CATEGORIES : VULNERABILITY_CATEGORIES;
    return text(labels[category]);
  };
  const columns = [
    t('risks.catalogue.code'),
    t('risks.catalogue.name'),
    t('risks.catalogue.category'),
    ...(kind === 'vulnerabilities' ? [t('risks.catalogue.assetTypes')] : []),
    t('risks.catalogue.usage'),
    t('common.status'),
  ];

  return (
    <>
      <Group
        component="search"
        align="flex-end"
        gap="sm"
        mb="md"
        aria-label={t(`risks.catalogue.${kind}.filters`)}
      >
        <TextInput
          label={t('risks.catalogue.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={260}
        />
        <Checkbox
          label={t('risks.catalogue.includeRetired')}
          checked={includeRetired}
          onChange={(e) => setIncludeRetired(e.currentTarget.checked)}
          mb={8}
        />
        {canManage ? (
          <Button onClick={() => setEditing({ entry: null })} ml="auto">
            {t('risks.catalogue.addNamed', { noun: t(`risks.catalogue.${kind}.one`) })}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={list.error ?? retire.error} />
      <DataTable
        minWidth={800}
        caption={t(`risks.catalogue.${kind}.caption`, { count: items.length })}
        columns={columns}
        withActions={canManage}
        aria-busy={list.isFetching}
      >
        {list.data && items.length === 0 ? (
          <Table.Tr>
            <Table.Td colSpan={columns.length + (canManage ? 1 : 0)}>
              <Text size="sm" c="dimmed">
                {t('common.nothingFound')}
              </Text>
            </Table.Td>
          </Table.Tr>
        ) : null}
        {items.map((entry) => (
          <Table.Tr key={entry.id}>
            <Table.Td ff="monospace">{entry.code}</Table.Td>
            <Table.Td>
              <Text size="sm">{name(entry)}</Text>
              <Text size="xs" c="dimmed">
                {text({ en: entry.descriptionEn, zh: entry.descriptionZh })}
              </Text>
            </Table.Td>
            <Table.Td>{categoryLabel(entry.category)}</Table.Td>
            {'assetTypes' in entry ? (
              <Table.Td>
                {entry.assetTypes.length === 0
                  ? t('risks.catalogue.anyAssetType')
                  : entry.assetTypes
                      .map((type) => (isAssetType(type) ? t(`risks.assetTypes.${type}`) : type))
                      .join(t('common.listSeparator'))}
              </Table.Td>
            ) : null}
            <Table.Td>{entry.usageCount}</Table.Td>
            <Table.Td>
              <StatusBadge tone={entry.retired ? 'neutral' : 'success'}>
                {entry.retired ? t('risks.catalogue.retired') : t('risks.catalogue.active')}
              </StatusBadge>
            </Table.Td>
            {canManage ? (
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setEditing({ entry })}
                    aria-label={t('risks.catalogue.editNamed', { code: entry.code })}
                  >
                    {t('common.edit')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => retire.mutate(entry)}
                    aria-label={t(
                      entry.retired ? 'risks.catalogue.restoreNamed' : 'risks.catalogue.retireNamed',
                      {
                        code: entry.code,
                      },
                    )}
                  >
                    {entry.retired ? t('risks.catalogue.restore') : t('risks.catalogue.retire')}
                  </Button>
                  {entry.usageCount === 0 ? (
                    <Button
                      size="xs"
                      color="red.9"
                      variant="outline"
                      onClick={() => remove.ask(entry)}
                      aria-label={t('risks.catalogue.deleteNamed', { code: entry.code })}
                    >
                      {t('common.delete')}
                    </Button>
                  ) : null}
                </Group>
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </DataTable>
      {editing ? (
        <CatalogueFormModal kind={kind} entry={editing.entry} onClose={() => setEditing(null)} />
      ) : null}
      <ConfirmModal
        {...remove.confirmProps}
        title={t('risks.catalogue.deleteTitle')}
        message={t('risks.catalogue.deleteMessage', { code: remove.target?.code ?? '' })}
        confirmLabel={t('common.delete')}
      />
    </>
  );
}
