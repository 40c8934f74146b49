import { List, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { LoadingScreen } from '../../../components/LoadingScreen.js';
import { useFormatDateTime } from '../../../lib/useDateTime.js';
import { useAssetHistory } from '../api.js';
import { ScrollTable } from '../ScrollTable.js';
import { useFieldLabel, useHistoryAction, useShowValue } from './historyLabels.js';

/** The asset's change history from the audit trail, newest first. */
export function HistorySection({ assetId }: { assetId: string }) {
  const { t } = useTranslation();
  const history = useAssetHistory(assetId, true);
  const formatDateTime = useFormatDateTime();
  const fieldLabel = useFieldLabel();
  const actionLabel = useHistoryAction();
  const show = useShowValue();

  if (history.isPending) return <LoadingScreen />;
  return (
    <>
      <ErrorAlert error={history.error} />
      {history.data ? (
        <ScrollTable minWidth={700} label={t('assets.history.caption')}>
          <Table striped>
            <Table.Caption>{t('assets.history.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assets.history.time')}</Table.Th>
                <Table.Th>{t('assets.history.actor')}</Table.Th>
                <Table.Th>{t('assets.history.action')}</Table.Th>
                <Table.Th>{t('assets.history.changes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data.items.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text size="sm" c="dimmed">
                      {t('assets.history.none')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
              {history.data.items.map((entry) => {
                const changes = Object.entries(entry.changes);
                return (
                  <Table.Tr key={entry.seq}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
                    <Table.Td>{entry.actor ?? t('assets.history.system')}</Table.Td>
                    <Table.Td>{actionLabel(entry.action)}</Table.Td>
                    <Table.Td>
                      {changes.length === 0 ? (
                        '—'
                      ) : (
                        <List size="sm" listStyleType="none" spacing={2}>
                          {changes.map(([field, [before, after]]) => (
                            <List.Item key={field}>
                              <Text span size="sm" fw={600}>
                                {fieldLabel(field)}:
                              </Text>{' '}
                              {show(before, field)} <span aria-hidden="true">→</span>
                              <VisuallyHidden>{t('assets.history.to')}</VisuallyHidden> {show(after, field)}
                            </List.Item>
                          ))}
                        </List>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : null}
    </>
  );
}
