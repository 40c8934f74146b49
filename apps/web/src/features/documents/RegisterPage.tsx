import { Anchor, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { DOCUMENT_VERSION_STATUSES } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions } from '../../api/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { type RegisterFilters, useLevels, usePeople, useRegister } from './api.js';
import { CreateDocumentModal } from './CreateDocumentModal.js';
import { levelName, STATUS_TONE } from './labels.js';

/** The document register with filters by level, status and owner. */
export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const can = usePermissions();
  const [filters, setFilters] = useState<RegisterFilters>({});
  const [creating, setCreating] = useState(false);
  const levels = useLevels();
  const people = usePeople(can('users.read'));
  const list = useRegister(filters);
  const level = (id: string) => levels.data?.items.find((l) => l.id === id);
  return (
    <Stack>
      <PageHeading title={t('documents.register.title')}>
        {can('documents.manage') ? (
          <Group>
            <Button variant="default" component={Link} to="/documents/levels">
              {t('documents.register.manageLevels')}
            </Button>
            <Button onClick={() => setCreating(true)}>{t('documents.register.new')}</Button>
          </Group>
        ) : null}
      </PageHeading>
      <Group>
        <Select
          label={t('documents.register.filterLevel')}
          clearable
          placeholder={t('documents.register.any')}
          data={(levels.data?.items ?? []).map((l) => ({ value: l.id, label: levelName(l, i18n.language) }))}
          value={filters.levelId ?? null}
          onChange={(v) => setFilters({ ...filters, levelId: v })}
        />
        <Select
          label={t('documents.register.filterStatus')}
          clearable
          placeholder={t('documents.register.any')}
          data={[...DOCUMENT_VERSION_STATUSES, 'none' as const].map((s) => ({
            value: s,
            label: t(`documents.status.${s}`),
          }))}
          value={filters.status ?? null}
          onChange={(v) => setFilters({ ...filters, status: v })}
        />
        <Select
          label={t('documents.register.filterOwner')}
          clearable
          searchable
          placeholder={t('documents.register.any')}
          data={(people.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
          value={filters.ownerId ?? null}
          onChange={(v) => setFilters({ ...filters, ownerId: v })}
        />
      </Group>
      <ErrorAlert error={list.error} />
      {list.data && list.data.items.length === 0 ? (
        <Text c="dimmed">{t('documents.register.empty')}</Text>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('documents.fields.number')}</Table.Th>
              <Table.Th>{t('documents.fields.title')}</Table.Th>
              <Table.Th>{t('documents.fields.level')}</Table.Th>
              <Table.Th>{t('documents.fields.owner')}</Table.Th>
              <Table.Th>{t('documents.fields.status')}</Table.Th>
              <Table.Th>{t('documents.fields.nextReview')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{d.number}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/documents/${d.id}`}>
                    {d.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{levelName(level(d.levelId), i18n.language)}</Table.Td>
                <Table.Td>{d.owner?.displayName ?? '—'}</Table.Td>
                <Table.Td>
                  {d.latestStatus ? (
                    <StatusBadge tone={STATUS_TONE[d.latestStatus]}>
                      {t(`documents.status.${d.latestStatus}`)} v{d.latestVersion}
                    </StatusBadge>
                  ) : (
                    t('documents.status.none')
                  )}
                </Table.Td>
                <Table.Td>
                  {d.nextReviewOn ?? '—'}{' '}
                  {d.reviewOverdue ? (
                    <StatusBadge tone="danger">{t('documents.register.overdue')}</StatusBadge>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <CreateDocumentModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
