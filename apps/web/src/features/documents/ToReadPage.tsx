import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useFormatDateTime } from '../../lib/useDateTime.js';
import { useToRead } from './api.js';

/** What was distributed to me: open it and acknowledge it on its page. */
export function ToReadPage() {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const list = useToRead();
  return (
    <Stack>
      <PageHeading title={t('documents.toRead.title')} />
      <ErrorAlert error={list.error} />
      {list.data?.items.length === 0 ? <Text c="dimmed">{t('documents.toRead.empty')}</Text> : null}
      {list.data && list.data.items.length > 0 ? (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('documents.fields.number')}</Table.Th>
              <Table.Th>{t('documents.fields.title')}</Table.Th>
              <Table.Th>{t('documents.fields.version')}</Table.Th>
              <Table.Th>{t('documents.toRead.assigned')}</Table.Th>
              <Table.Th>{t('documents.toRead.acknowledgedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((i) => (
              <Table.Tr key={i.versionId}>
                <Table.Td>{i.number}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/documents/versions/${i.versionId}`}>
                    {i.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>v{i.version}</Table.Td>
                <Table.Td>{fmt(i.assignedAt)}</Table.Td>
                <Table.Td>
                  {i.acknowledgedAt ? fmt(i.acknowledgedAt) : t('documents.toRead.pending')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
