import { Anchor, Button, Card, Group, MultiSelect, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { acknowledgementProgress, type DocumentVersionView, remindResponse } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../../api/client.js';
import { usePermissions } from '../../api/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFormatDateTime } from '../../lib/useDateTime.js';
import { documentsKey, usePeople, useProgress, useRoles, versionPath } from './api.js';

/** Distribution of a published version, acknowledgement progress, reminders and the exportable record. */
export function DistributionPanel({ v }: { v: DocumentVersionView }) {
  const { t, i18n } = useTranslation();
  const can = usePermissions();
  const fmt = useFormatDateTime();
  const queryClient = useQueryClient();
  const register = can('documents.read') || can('documents.manage') || can('documents.approve');
  const progress = useProgress(v.id, register);
  const people = usePeople(v.can.distribute && can('users.read'));
  const roles = useRoles(v.can.distribute && can('roles.read'));
  const [userIds, setUserIds] = useState<string[]>([]);
  const [roleIds, setRoleIds] = useState<string[]>([]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: documentsKey });
  const distribute = useMutation({
    mutationFn: () =>
      api.post(`${versionPath(v.id)}/distribute`, acknowledgementProgress, { userIds, roleIds }),
    onSuccess: () => {
      setUserIds([]);
      setRoleIds([]);
      return refresh();
    },
  });
  const remind = useMutation({ mutationFn: () => api.post(`${versionPath(v.id)}/remind`, remindResponse) });
  if (!register) return null;
  const p = progress.data;
  const lang = i18n.language === 'zh-TW' ? 'zh-TW' : 'en';
  return (
    <Card withBorder>
      <Stack>
        <Title order={2}>{t('documents.distribution.title')}</Title>
        {v.can.distribute ? (
          <Group align="end">
            <MultiSelect
              label={t('documents.distribution.users')}
              data={(people.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
              value={userIds}
              onChange={setUserIds}
              searchable
            />
            <MultiSelect
              label={t('documents.distribution.roles')}
              data={(roles.data?.items ?? []).map((r) => ({
                value: r.id,
                label: lang === 'zh-TW' ? r.nameZh : r.nameEn,
              }))}
              value={roleIds}
              onChange={setRoleIds}
            />
            <Button onClick={() => distribute.mutate()} loading={distribute.isPending}>
              {t('documents.distribution.distribute')}
            </Button>
          </Group>
        ) : null}
        <ErrorAlert error={distribute.error ?? remind.error ?? progress.error} />
        {p ? (
          <>
            <Text>
              {t('documents.distribution.progress', { acknowledged: p.acknowledged, total: p.total })}
            </Text>
            <Progress
              value={p.total ? (100 * p.acknowledged) / p.total : 0}
              aria-label={t('documents.distribution.progress', {
                acknowledged: p.acknowledged,
                total: p.total,
              })}
            />
            <Group>
              {v.can.distribute ? (
                <Button variant="default" onClick={() => remind.mutate()}>
                  {t('documents.distribution.remind')}
                </Button>
              ) : null}
              {remind.data ? (
                <Text size="sm">{t('documents.distribution.reminded', { count: remind.data.reminded })}</Text>
              ) : null}
              <Anchor
                href={withQuery(`${versionPath(v.id)}/acknowledgements/export`, { format: 'xlsx', lang })}
              >
                {t('documents.distribution.exportXlsx')}
              </Anchor>
              <Anchor
                href={withQuery(`${versionPath(v.id)}/acknowledgements/export`, { format: 'pdf', lang })}
              >
                {t('documents.distribution.exportPdf')}
              </Anchor>
            </Group>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('documents.distribution.person')}</Table.Th>
                  <Table.Th>{t('documents.distribution.assigned')}</Table.Th>
                  <Table.Th>{t('documents.distribution.ackAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.rows.map((r) => (
                  <Table.Tr key={r.user.id}>
                    <Table.Td>{r.user.displayName}</Table.Td>
                    <Table.Td>{fmt(r.assignedAt)}</Table.Td>
                    <Table.Td>
                      {r.acknowledgedAt ? fmt(r.acknowledgedAt) : t('documents.toRead.pending')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
