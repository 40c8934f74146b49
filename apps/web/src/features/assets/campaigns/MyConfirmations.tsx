import { Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { StatusBadge } from '../../../components/StatusBadge.js';
import { useMyCampaignItems } from '../api.js';
import { ScrollTable } from '../ScrollTable.js';
import { CorrectionModal } from './CorrectionModal.js';
import { type MyItem, useConfirmItem } from './confirmItem.js';

/** "Assets to confirm": the owner's pending items in open campaigns. */
export function MyConfirmations() {
  const { t } = useTranslation();
  const items = useMyCampaignItems(true);
  const [correcting, setCorrecting] = useState<MyItem | null>(null);
  const confirm = useConfirmItem(() => undefined);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="my-confirmations">
      <Title order={2} size="h4" id="my-confirmations" mb="sm">
        {t('assets.confirm.title')}
      </Title>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('assets.confirm.intro')}
        </Text>
        <ErrorAlert error={items.error ?? confirm.error} />
        <ScrollTable minWidth={760} label={t('assets.confirm.title')}>
          <Table striped>
            <Table.Caption>
              {t('assets.confirm.caption', { count: items.data?.items.length ?? 0 })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assets.fields.code')}</Table.Th>
                <Table.Th>{t('assets.fields.name')}</Table.Th>
                <Table.Th>{t('assets.confirm.campaign')}</Table.Th>
                <Table.Th>{t('assets.campaigns.deadline')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.data?.items.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text size="sm" c="dimmed">
                      {t('assets.confirm.none')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
              {items.data?.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td ff="monospace">{item.asset.code}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/assets/${item.asset.id}`} size="sm">
                      {item.asset.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{item.campaign.title}</Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      {item.campaign.deadline}
                      {item.campaign.overdue ? (
                        <StatusBadge tone="danger" size="xs">
                          {t('assets.campaigns.overdue')}
                        </StatusBadge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        onClick={() => confirm.mutate({ item, body: {} })}
                        loading={confirm.isPending && confirm.variables?.item.id === item.id}
                        aria-label={t('assets.confirm.confirmNamed', {
                          name: `${item.asset.code} ${item.asset.name}`,
                        })}
                      >
                        {t('assets.confirm.confirm')}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setCorrecting(item)}
                        aria-label={t('assets.confirm.correctNamed', {
                          name: `${item.asset.code} ${item.asset.name}`,
                        })}
                      >
                        {t('assets.confirm.correct')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </Stack>
      {correcting ? <CorrectionModal item={correcting} onClose={() => setCorrecting(null)} /> : null}
    </Card>
  );
}
