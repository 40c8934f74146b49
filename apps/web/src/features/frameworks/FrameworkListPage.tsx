import { Anchor, Button, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions } from '../../api/session.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useFrameworks, useText } from './api.js';
import { ImportDialog } from './ImportDialog.js';

/** Every framework with its current version, counts and origin; the import dialog for managers. */
export function FrameworkListPage() {
  const { t } = useTranslation();
  const can = usePermissions();
  const text = useText();
  const list = useFrameworks();
  const [importing, setImporting] = useState(false);
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeading title={t('frameworks.list.title')}>
        {can('compliance.manage') ? (
          <Button onClick={() => setImporting(true)}>{t('frameworks.import.button')}</Button>
        ) : null}
      </PageHeading>
      <Text mb="md">{t('frameworks.list.intro')}</Text>
      <ErrorAlert error={list.error} />
      <DataTable
        caption={t('frameworks.list.caption')}
        minWidth={760}
        columns={[
          t('frameworks.list.name'),
          t('frameworks.list.version'),
          t('frameworks.list.requirements'),
          t('frameworks.list.nodes'),
          t('frameworks.list.versions'),
          t('frameworks.list.origin'),
        ]}
      >
        {items.map((f) => (
          <Table.Tr key={f.id}>
            <Table.Td>
              <Anchor component={Link} to={`/frameworks/${encodeURIComponent(f.key)}`}>
                {text(f.name)}
              </Anchor>
              <Text size="xs" c="dimmed">
                {f.key}
              </Text>
            </Table.Td>
            <Table.Td>{f.currentVersion?.version ?? '—'}</Table.Td>
            <Table.Td>{f.currentVersion?.requirementCount ?? 0}</Table.Td>
            <Table.Td>{f.currentVersion?.nodeCount ?? 0}</Table.Td>
            <Table.Td>{f.versionCount}</Table.Td>
            <Table.Td>
              <StatusBadge tone={f.builtin ? 'neutral' : 'success'} miw="max-content">
                {f.builtin ? t('frameworks.list.builtin') : t('frameworks.list.imported')}
              </StatusBadge>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {list.isSuccess && items.length === 0 ? <Text c="dimmed">{t('frameworks.list.empty')}</Text> : null}
      {importing ? <ImportDialog onClose={() => setImporting(false)} /> : null}
    </>
  );
}
