import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  List,
  Pagination,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type AssetCampaignView, assetCampaignResponse, CAMPAIGN_ITEM_STATUSES } from '@vigil/contracts';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../api/client.js';
import { usePermissions } from '../../../api/session.js';
import { ConfirmModal } from '../../../components/ConfirmModal.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { LoadingScreen } from '../../../components/LoadingScreen.js';
import { PageHeading } from '../../../components/PageHeading.js';
import { StatusBadge } from '../../../components/StatusBadge.js';
import { useFormatDateTime } from '../../../lib/useDateTime.js';
import {
  type CampaignItemFilters,
  campaignPath,
  campaignsKey,
  useCampaign,
  useCampaignItems,
} from '../api.js';
import { useFieldLabel, useShowValue } from '../detail/historyLabels.js';
import { ScrollTable } from '../ScrollTable.js';
import { CampaignStatusBadge, ProgressSummary } from './CampaignProgress.js';

const PAGE_SIZE = 50;

/** /assets/campaigns/:campaignId — progress per unit, the items, and closing the campaign. */
export function CampaignPage() {
  const { t } = useTranslation();
  const { campaignId = '' } = useParams();
  const can = usePermissions();
  const queryClient = useQueryClient();
  const campaign = useCampaign(campaignId);
  const formatDateTime = useFormatDateTime();
  const [closing, setClosing] = useState(false);

  const close = useMutation({
    mutationFn: () => api.post(`${campaignPath(campaignId)}/close`, assetCampaignResponse),
    onSuccess: async () => {
      setClosing(false);
      await queryClient.invalidateQueries({ queryKey: campaignsKey });
    },
  });

  if (campaign.isPending) return <LoadingScreen />;
  if (!campaign.data) {
    return (
      <>
        <PageHeading title={t('assets.campaigns.title')} />
        <ErrorAlert error={campaign.error} />
      </>
    );
  }
  const data = campaign.data;
  const open = data.status === 'open';

  return (
    <>
      <PageHeading title={data.title}>
        <Anchor component={Link} to="/assets/campaigns">
          {t('assets.campaigns.back')}
        </Anchor>
        {open && can('assets.campaigns') ? (
          <Button color="red" variant="outline" onClick={() => setClosing(true)}>
            {t('assets.campaigns.close')}
          </Button>
        ) : null}
      </PageHeading>
      <Stack gap="lg" maw={1100}>
        {open ? null : (
          <Alert color="gray" variant="light" title={t('assets.campaigns.closedTitle')}>
            {t('assets.campaigns.closedRecord', {
              at: formatDateTime(data.closedAt),
              by: data.closedBy?.displayName ?? '—',
            })}
          </Alert>
        )}
        <Card withBorder padding="lg" component="section" aria-labelledby="campaign-summary">
          <Title order={2} size="h4" id="campaign-summary" mb="sm">
            {t('assets.campaigns.summary')}
          </Title>
          <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} m={0} spacing="sm">
            <Term label={t('assets.campaigns.status')}>
              <CampaignStatusBadge status={data.status} />
            </Term>
            <Term label={t('assets.campaigns.deadline')}>{data.deadline}</Term>
            <Term label={t('assets.campaigns.units')}>
              {data.units.length === 0
                ? t('assets.campaigns.allUnits')
                : data.units.map((u) => u.name).join(t('common.listSeparator'))}
            </Term>
            <Term label={t('assets.campaigns.openedBy')}>
              {`${data.createdBy?.displayName ?? '—'} · ${formatDateTime(data.createdAt)}`}
            </Term>
            <Term label={t('assets.campaigns.unowned')}>{data.unowned}</Term>
            <Term label={t('assets.campaigns.note')}>{data.note ?? '—'}</Term>
          </SimpleGrid>
          <Stack mt="md" gap={4}>
            <ProgressSummary progress={data.progress} label={data.title} />
          </Stack>
        </Card>
        <UnitProgress campaign={data} />
        <CampaignItems campaign={data} />
      </Stack>
      <ConfirmModal
        opened={closing}
        title={t('assets.campaigns.close')}
        message={t('assets.campaigns.confirmClose', { pending: data.progress.pending })}
        confirmLabel={t('assets.campaigns.close')}
        onConfirm={() => close.mutate()}
        onClose={() => {
          close.reset();
          setClosing(false);
        }}
        loading={close.isPending}
        error={close.error}
        danger
      />
    </>
  );
}

function Term({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </div>
  );
}

function UnitProgress({ campaign }: { campaign: AssetCampaignView }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="campaign-units">
      <Title order={2} size="h4" id="campaign-units" mb="sm">
        {t('assets.campaigns.byUnit')}
      </Title>
      <ScrollTable minWidth={800} label={t('assets.campaigns.byUnitCaption')}>
        <Table striped>
          <Table.Caption>{t('assets.campaigns.byUnitCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('assets.fields.unit')}</Table.Th>
              <Table.Th>{t('assets.campaigns.progress')}</Table.Th>
              <Table.Th>{t('assets.campaigns.total')}</Table.Th>
              <Table.Th>{t('assets.campaigns.itemStatuses.confirmed')}</Table.Th>
              <Table.Th>{t('assets.campaigns.itemStatuses.corrected')}</Table.Th>
              <Table.Th>{t('assets.campaigns.itemStatuses.pending')}</Table.Th>
              <Table.Th>{t('assets.campaigns.overdue')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {campaign.byUnit.map((row) => {
              const name = row.unit?.name ?? t('assets.campaigns.noUnit');
              return (
                <Table.Tr key={row.unit?.id ?? 'none'}>
                  <Table.Td>{name}</Table.Td>
                  <Table.Td miw={220}>
                    <ProgressSummary progress={row} label={name} />
                  </Table.Td>
                  <Table.Td>{row.total}</Table.Td>
                  <Table.Td>{row.confirmed}</Table.Td>
                  <Table.Td>{row.corrected}</Table.Td>
                  <Table.Td>{row.pending}</Table.Td>
                  <Table.Td>
                    {row.overdue > 0 ? <StatusBadge tone="danger">{row.overdue}</StatusBadge> : 0}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Card>
  );
}

function CampaignItems({ campaign }: { campaign: AssetCampaignView }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const fieldLabel = useFieldLabel();
  const show = useShowValue();
  const [filters, setFilters] = useState<CampaignItemFilters>({
    status: null,
    unitId: null,
    offset: 0,
    limit: PAGE_SIZE,
  });
  const items = useCampaignItems(campaign.id, filters);
  const total = items.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="campaign-items">
      <Title order={2} size="h4" id="campaign-items" mb="sm">
        {t('assets.campaigns.items')}
      </Title>
      <Group mb="sm">
        <Select
          label={t('assets.campaigns.itemStatus')}
          data={CAMPAIGN_ITEM_STATUSES.map((s) => ({
            value: s,
            label: t(`assets.campaigns.itemStatuses.${s}`),
          }))}
          value={filters.status}
          onChange={(v) =>
            setFilters({ ...filters, offset: 0, status: CAMPAIGN_ITEM_STATUSES.find((s) => s === v) ?? null })
          }
          placeholder={t('common.all')}
          clearable
          w={200}
        />
      </Group>
      <ErrorAlert error={items.error} />
      <ScrollTable minWidth={900} label={t('assets.campaigns.items')}>
        <Table striped aria-busy={items.isFetching}>
          <Table.Caption>{t('assets.campaigns.itemsCaption', { count: total })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('assets.fields.code')}</Table.Th>
              <Table.Th>{t('assets.fields.name')}</Table.Th>
              <Table.Th>{t('assets.fields.owner')}</Table.Th>
              <Table.Th>{t('assets.fields.unit')}</Table.Th>
              <Table.Th>{t('assets.campaigns.itemStatus')}</Table.Th>
              <Table.Th>{t('assets.campaigns.confirmedAt')}</Table.Th>
              <Table.Th>{t('assets.campaigns.corrections')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.data?.items.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={7}>
                  <Text size="sm" c="dimmed">
                    {t('assets.campaigns.noItems')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
            {items.data?.items.map((item) => {
              const changes = Object.entries(item.changes);
              return (
                <Table.Tr key={item.id}>
                  <Table.Td ff="monospace">{item.asset.code}</Table.Td>
                  <Table.Td>
                    {item.asset.archived ? (
                      item.asset.name
                    ) : (
                      <Anchor component={Link} to={`/assets/${item.asset.id}`} size="sm">
                        {item.asset.name}
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td>{item.owner?.displayName ?? '—'}</Table.Td>
                  <Table.Td>{item.unit?.name ?? '—'}</Table.Td>
                  <Table.Td>{t(`assets.campaigns.itemStatuses.${item.status}`)}</Table.Td>
                  <Table.Td>
                    {item.confirmedAt
                      ? `${formatDateTime(item.confirmedAt)} · ${item.confirmedBy?.displayName ?? ''}`
                      : '—'}
                  </Table.Td>
                  <Table.Td>
                    {changes.length === 0 && !item.note ? '—' : null}
                    {changes.length > 0 ? (
                      <List size="xs" listStyleType="none">
                        {changes.map(([field, [before, after]]) => (
                          <List.Item key={field}>
                            {fieldLabel(field)}: {show(before, field)} → {show(after, field)}
                          </List.Item>
                        ))}
                      </List>
                    ) : null}
                    {item.note ? (
                      <Text size="xs" c="dimmed">
                        {item.note}
                      </Text>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {pages > 1 ? (
        <Group justify="center" mt="md">
          <Pagination
            total={pages}
            value={Math.floor(filters.offset / PAGE_SIZE) + 1}
            onChange={(p) => setFilters({ ...filters, offset: (p - 1) * PAGE_SIZE })}
            getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
            getItemProps={(p) => ({ 'aria-label': t('common.pagination.page', { page: p }) })}
          />
        </Group>
      ) : null}
    </Card>
  );
}
