import { Badge, Button, Card, Group, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type SoaEntryView, soaResponse } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import { usePermissions } from '../../../api/session.js';
import { DataTable } from '../../../components/DataTable.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageHeading } from '../../../components/PageHeading.js';
import { useFormatDateTime } from '../../../lib/useDateTime.js';
import { complianceKey, soaPath, useSoa, useSoaVersions } from '../api.js';
import { SoaEntryModal } from './SoaEntryModal.js';

const EXPORTS = [
  { format: 'docx', locale: 'zh-TW' },
  { format: 'docx', locale: 'en' },
  { format: 'xlsx', locale: 'zh-TW' },
  { format: 'xlsx', locale: 'en' },
  { format: 'pdf', locale: 'zh-TW' },
] as const;

/** The Statement of Applicability: versions, the Annex A rows, approval and the exports. */
export function SoaPage() {
  const { t, i18n } = useTranslation();
  const zh = (i18n.resolvedLanguage ?? i18n.language) === 'zh-TW';
  const can = usePermissions();
  const formatDateTime = useFormatDateTime();
  const queryClient = useQueryClient();
  const versions = useSoaVersions();
  const [picked, setPicked] = useState<string | null>(null);
  const items = versions.data?.items ?? [];
  const selectedId =
    picked ??
    (items.find((v) => v.status === 'draft') ?? items.find((v) => v.status === 'approved') ?? items[0])?.id;
  const soa = useSoa(selectedId);
  const [editing, setEditing] = useState<SoaEntryView | null>(null);
  const [note, setNote] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: complianceKey });
  const create = useMutation({
    mutationFn: () => api.post(soaPath(), soaResponse),
    onSuccess: async (s) => {
      setPicked(s.id);
      await refresh();
    },
  });
  const approve = useMutation({
    mutationFn: () =>
      api.post(`${soaPath(selectedId)}/approve`, soaResponse, { note: note.trim() || undefined }),
    onSuccess: refresh,
  });
  const s = soa.data;
  const draft = s?.status === 'draft';
  const hasDraft = items.some((v) => v.status === 'draft');
  const columns = [
    t('compliance.soa.ref'),
    t('compliance.soa.control'),
    t('compliance.soa.applicable'),
    t('compliance.soa.justification'),
    t('compliance.soa.implementation'),
    t('compliance.soa.controls'),
  ];

  return (
    <>
      <PageHeading title={t('compliance.soa.title')}>
        {can('compliance.manage') && !hasDraft ? (
          <Button onClick={() => create.mutate()} loading={create.isPending}>
            {t('compliance.soa.create')}
          </Button>
        ) : null}
      </PageHeading>
      <ErrorAlert error={versions.error ?? soa.error ?? create.error ?? approve.error} />
      {items.length === 0 && versions.isSuccess ? <Text c="dimmed">{t('compliance.soa.none')}</Text> : null}
      {s ? (
        <Stack>
          <Card withBorder>
            <Stack gap="sm">
              <Group align="flex-end">
                <Select
                  label={t('compliance.soa.versions')}
                  data={items.map((v) => ({
                    value: v.id,
                    label: t('compliance.soa.versionLabel', {
                      version: v.version,
                      status: t(`compliance.soa.statuses.${v.status}`),
                    }),
                  }))}
                  value={selectedId ?? null}
                  onChange={setPicked}
                  allowDeselect={false}
                  w={260}
                />
                <Badge
                  variant="outline"
                  miw="max-content"
                  color={s.status === 'approved' ? 'teal.9' : s.status === 'draft' ? 'blue.9' : 'gray.9'}
                >
                  {t(`compliance.soa.statuses.${s.status}`)}
                </Badge>
                <Text size="sm">
                  {t('compliance.soa.counts', { applicable: s.counts.applicable, total: s.counts.total })}
                </Text>
                {s.counts.missingJustification > 0 ? (
                  <Badge color="red.9">
                    {t('compliance.soa.missing', { count: s.counts.missingJustification })}
                  </Badge>
                ) : null}
              </Group>
              {s.approvedAt ? (
                <Text size="sm">
                  {t('compliance.soa.approvedLine', {
                    name: s.approvedBy?.displayName ?? '—',
                    time: formatDateTime(s.approvedAt),
                  })}
                  {s.approvalNote ? ` — ${s.approvalNote}` : ''}
                </Text>
              ) : null}
              <Group gap="xs" wrap="wrap">
                {EXPORTS.map((x) => (
                  <Button
                    key={`${x.format}-${x.locale}`}
                    component="a"
                    href={`${soaPath(s.id)}/export?format=${x.format}&locale=${x.locale}`}
                    download
                    variant="default"
                    size="xs"
                  >
                    {t('compliance.soa.export', {
                      format: x.format.toUpperCase(),
                      language: t(`compliance.soa.languages.${x.locale === 'en' ? 'en' : 'zh'}`),
                    })}
                  </Button>
                ))}
              </Group>
              {draft && can('compliance.approve') ? (
                <Group align="flex-end">
                  <Textarea
                    label={t('compliance.soa.note')}
                    value={note}
                    onChange={(e) => setNote(e.currentTarget.value)}
                    autosize
                    w={360}
                  />
                  <Button onClick={() => approve.mutate()} loading={approve.isPending} color="teal.9">
                    {t('compliance.soa.approve')}
                  </Button>
                </Group>
              ) : null}
            </Stack>
          </Card>
          <DataTable
            minWidth={960}
            caption={t('compliance.soa.caption', { count: s.entries.length })}
            columns={columns}
            withActions={draft && can('compliance.manage')}
          >
            {s.entries.map((e) => (
              <Table.Tr key={e.ref}>
                <Table.Td>{e.ref}</Table.Td>
                <Table.Td>{zh ? e.titleZh : e.titleEn}</Table.Td>
                <Table.Td>{e.applicable ? t('compliance.soa.yes') : t('compliance.soa.no')}</Table.Td>
                <Table.Td>
                  {e.justification || (
                    <Text size="sm" c="red.9">
                      {t('compliance.soa.noJustification')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{t(`compliance.soa.implementations.${e.implementation}`)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{e.controls.map((c) => c.code).join(', ')}</Text>
                  {e.suggestedControls.length > 0 ? (
                    <Text size="xs" c="teal.9">
                      {t('compliance.soa.suggestedCount', { count: e.suggestedControls.length })}
                    </Text>
                  ) : null}
                </Table.Td>
                {draft && can('compliance.manage') ? (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setEditing(e)}
                      aria-label={t('compliance.editNamed', { name: e.ref })}
                    >
                      {t('compliance.edit')}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </DataTable>
        </Stack>
      ) : null}
      {editing && s ? <SoaEntryModal soaId={s.id} entry={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
