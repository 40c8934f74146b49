import { Anchor, Button, Stack, Table, Text } from '@mantine/core';
import type { DocumentLevelView } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { RequirePermission } from '../../components/RequirePermission.js';
import { useLevels } from './api.js';
import { LevelModal } from './LevelModal.js';

/** The configurable document levels (一階 … 四階 by default), for holders of documents.manage. */
export function LevelsPage() {
  return (
    <RequirePermission permission="documents.manage">
      <Levels />
    </RequirePermission>
  );
}

function Levels() {
  const { t } = useTranslation();
  const levels = useLevels();
  // undefined: closed; null: adding a level
  const [editing, setEditing] = useState<DocumentLevelView | null | undefined>(undefined);
  const items = levels.data?.items ?? [];
  const nextRank = Math.min(99, Math.max(0, ...items.map((l) => l.rank)) + 1);
  return (
    <Stack>
      <PageHeading title={t('documents.levels.title')}>
        <Button onClick={() => setEditing(null)}>{t('documents.levels.add')}</Button>
      </PageHeading>
      <Anchor component={Link} to="/documents">
        {t('documents.levels.back')}
      </Anchor>
      <Text size="sm" c="dimmed">
        {t('documents.levels.intro')}
      </Text>
      <ErrorAlert error={levels.error} />
      {items.length > 0 ? (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('documents.levels.rank')}</Table.Th>
              <Table.Th>{t('documents.levels.key')}</Table.Th>
              <Table.Th>{t('documents.levels.nameZh')}</Table.Th>
              <Table.Th>{t('documents.levels.nameEn')}</Table.Th>
              <Table.Th>{t('documents.levels.prefix')}</Table.Th>
              <Table.Th>{t('documents.levels.isRecord')}</Table.Th>
              <Table.Th>{t('documents.fields.retention')}</Table.Th>
              <Table.Th>{t('documents.levels.documents')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>{l.rank}</Table.Td>
                <Table.Td>{l.id}</Table.Td>
                <Table.Td>{l.nameZh}</Table.Td>
                <Table.Td>{l.nameEn}</Table.Td>
                <Table.Td>{l.prefix}</Table.Td>
                <Table.Td>{l.isRecord ? t('documents.levels.yes') : t('documents.levels.no')}</Table.Td>
                <Table.Td>{l.retentionYears ?? t('documents.levels.keepForever')}</Table.Td>
                <Table.Td>{l.documentCount}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={t('documents.levels.editLabel', { name: l.nameEn })}
                    onClick={() => setEditing(l)}
                  >
                    {t('common.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <LevelModal
        level={editing ?? null}
        nextRank={nextRank}
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
      />
    </Stack>
  );
}
