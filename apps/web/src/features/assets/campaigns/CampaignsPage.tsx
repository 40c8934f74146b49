import { Anchor, Button, Card, Group, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions } from '../../../api/session.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageHeading } from '../../../components/PageHeading.js';
import { useCampaigns } from '../api.js';
import { ScrollTable } from '../ScrollTable.js';
import { CampaignStatusBadge, ProgressSummary } from './CampaignProgress.js';
import { MyConfirmations } from './MyConfirmations.js';
import { OpenCampaignModal } from './OpenCampaignModal.js';

const PAGE_SIZE = 20;

/** /assets/campaigns — the campaigns (for those who run or read them) and the owner's own work. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const can = usePermissions();
  const canRun = can('assets.campaigns');
  const canList = canRun || can('assets.read');
  const canConfirm = can('assets.confirm');
  const [offset, setOffset] = useState(0);
  const [opening, setOpening] = useState(false);
  const campaigns = useCampaigns(offset, PAGE_SIZE, canList);
  const total = campaigns.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <>
      <PageHeading title={t('assets.campaigns.title')}>
        <Anchor component={Link} to="/assets">
          {t('assets.detail.backToList')}
        </Anchor>
        {canRun ? <Button onClick={() => setOpening(true)}>{t('assets.campaigns.open')}</Button> : null}
      </PageHeading>
      <Stack gap="lg">
        {canConfirm ? <MyConfirmations /> : null}
        {canList ? (
          <Card withBorder padding="lg" component="section" aria-labelledby="campaign-list">
            <Title order={2} size="h4" id="campaign-list" mb="sm">
              {t('assets.campaigns.listTitle')}
            </Title>
            <ErrorAlert error={campaigns.error} />
            <ScrollTable minWidth={800} label={t('assets.campaigns.listTitle')}>
              <Table striped highlightOnHover aria-busy={campaigns.isFetching}>
                <Table.Caption>{t('assets.campaigns.caption', { count: total })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('assets.campaigns.campaignTitle')}</Table.Th>
                    <Table.Th>{t('assets.campaigns.deadline')}</Table.Th>
                    <Table.Th>{t('assets.campaigns.status')}</Table.Th>
                    <Table.Th>{t('assets.campaigns.progress')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {campaigns.data?.items.length === 0 ? (
                    <Table.Tr>
                      <Table.Td colSpan={4}>
                        <Text size="sm" c="dimmed">
                          {t('assets.campaigns.none')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ) : null}
                  {campaigns.data?.items.map((campaign) => (
                    <Table.Tr key={campaign.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/assets/campaigns/${campaign.id}`} size="sm">
                          {campaign.title}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{campaign.deadline}</Table.Td>
                      <Table.Td>
                        <CampaignStatusBadge status={campaign.status} />
                      </Table.Td>
                      <Table.Td miw={260}>
                        <ProgressSummary progress={campaign.progress} label={campaign.title} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            {pages > 1 ? (
              <Group justify="center" mt="md">
                <Pagination
                  total={pages}
                  value={Math.floor(offset / PAGE_SIZE) + 1}
                  onChange={(p) => setOffset((p - 1) * PAGE_SIZE)}
                  getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
                  getItemProps={(p) => ({ 'aria-label': t('common.pagination.page', { page: p }) })}
                />
              </Group>
            ) : null}
          </Card>
        ) : null}
      </Stack>
      {opening ? <OpenCampaignModal onClose={() => setOpening(false)} /> : null}
    </>
  );
}
