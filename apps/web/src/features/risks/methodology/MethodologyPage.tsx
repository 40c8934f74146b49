import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ok, type RiskMethodologyView, riskMethodologyResponse } from '@vigil/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../../api/client.js';
import { usePermissions } from '../../../api/session.js';
import { ConfirmModal } from '../../../components/ConfirmModal.js';
import { DataTable } from '../../../components/DataTable.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { ModalFormActions } from '../../../components/ModalFormActions.js';
import { PageHeading } from '../../../components/PageHeading.js';
import { useFormatDateTime } from '../../../lib/useDateTime.js';
import { methodologyPath, risksKey, useMethodologies } from '../api.js';
import { Notice } from '../components/Notice.js';
import { MethodologyEditor } from './MethodologyEditor.js';
import { MethodologyErrors } from './MethodologyErrors.js';
import { MethodologyView } from './MethodologyView.js';

/** The approved methodology, its version history, and the draft editor and approval. */
export function MethodologyPage() {
  const { t } = useTranslation();
  const can = usePermissions();
  const formatDateTime = useFormatDateTime();
  const [params, setParams] = useSearchParams();
  const list = useMethodologies();
  const [creating, setCreating] = useState(false);
  const items = list.data?.items ?? [];
  const chosenId = params.get('version');
  const shown =
    items.find((m) => m.id === chosenId) ?? items.find((m) => m.status === 'approved') ?? items[0] ?? null;
  const columns = [
    t('risks.methodology.version'),
    t('risks.methodology.name'),
    t('risks.methodology.type'),
    t('common.status'),
    t('risks.methodology.approvedBy'),
    t('risks.methodology.assessments'),
  ];

  return (
    <Stack gap="lg">
      <PageHeading title={t('risks.methodology.title')}>
        {can('risks.methodology') ? (
          <Button onClick={() => setCreating(true)}>{t('risks.methodology.newDraft')}</Button>
        ) : null}
      </PageHeading>
      <ErrorAlert error={list.error} />
      {list.data && !items.some((m) => m.status === 'approved') ? (
        <Notice tone="warning">{t('risks.methodology.noneApproved')}</Notice>
      ) : null}
      {shown ? <VersionDetail methodology={shown} /> : null}
      <section aria-labelledby="versions-heading">
        <Title order={2} size="h4" id="versions-heading" mb="sm">
          {t('risks.methodology.history')}
        </Title>
        <DataTable minWidth={800} caption={t('risks.methodology.historyCaption')} columns={columns}>
          {items.map((m) => (
            <Table.Tr key={m.id} aria-current={m.id === shown?.id ? 'true' : undefined}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/risks/methodology?version=${m.id}`}
                  onClick={() => setParams({ version: m.id })}
                >
                  {t('risks.methodology.versionLabel', { version: m.version })}
                </Anchor>
              </Table.Td>
              <Table.Td>{m.name}</Table.Td>
              <Table.Td>{t(`risks.methodology.types.${m.type}`)}</Table.Td>
              <Table.Td>{t(`risks.methodology.statuses.${m.status}`)}</Table.Td>
              <Table.Td>
                {m.approvedAt ? `${m.approvedBy?.displayName ?? '—'} · ${formatDateTime(m.approvedAt)}` : '—'}
              </Table.Td>
              <Table.Td>{m.assessmentCount}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </section>
      {creating ? (
        <NewDraftModal
          onClose={() => setCreating(false)}
          onCreated={(m) => {
            setCreating(false);
            setParams({ version: m.id });
          }}
        />
      ) : null}
    </Stack>
  );
}

function VersionDetail({ methodology: m }: { methodology: RiskMethodologyView }) {
  const { t } = useTranslation();
  const can = usePermissions();
  const queryClient = useQueryClient();
  const formatDateTime = useFormatDateTime();
  const [approving, setApproving] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [note, setNote] = useState('');
  const approve = useMutation({
    mutationFn: () =>
      api.post(
        `${methodologyPath(m.id)}/approve`,
        riskMethodologyResponse,
        note.trim() ? { note: note.trim() } : {},
      ),
    onSuccess: async () => {
      setApproving(false);
      await queryClient.invalidateQueries({ queryKey: risksKey });
    },
  });
  const remove = useMutation({
    mutationFn: () => api.delete(methodologyPath(m.id), ok),
    onSuccess: async () => {
      setDeleting(false);
      await queryClient.invalidateQueries({ queryKey: risksKey });
    },
  });
  const isDraft = m.status === 'draft';
  return (
    <section aria-labelledby="version-heading">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Group gap="xs">
          <Title order={2} size="h4" id="version-heading">
            {t('risks.methodology.versionName', { version: m.version, name: m.name })}
          </Title>
          <Badge variant="outline" color="gray.9">
            {t(`risks.methodology.statuses.${m.status}`)}
          </Badge>
        </Group>
        {isDraft ? (
          <Group gap="xs">
            {can('risks.approve') ? (
              <Button onClick={() => setApproving(true)}>{t('risks.methodology.approve')}</Button>
            ) : null}
            {can('risks.methodology') ? (
              <Button color="red.9" variant="outline" onClick={() => setDeleting(true)}>
                {t('risks.methodology.deleteDraft')}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Group>
      {m.approvedAt ? (
        <Text size="sm" mb="sm">
          {t('risks.methodology.approvedLine', {
            by: m.approvedBy?.displayName ?? '—',
            at: formatDateTime(m.approvedAt),
          })}
          {m.approvalNote ? ` — ${m.approvalNote}` : ''}
        </Text>
      ) : null}
      {isDraft && can('risks.methodology') ? (
        <MethodologyEditor key={m.id} draft={m} />
      ) : (
        <MethodologyView definition={m.definition} />
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('risks.closeDialog') }}
        opened={approving}
        onClose={() => setApproving(false)}
        title={t('risks.methodology.approveTitle')}
        centered
      >
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            approve.mutate();
          }}
        >
          <Stack>
            <Textarea
              label={t('risks.methodology.approvalNote')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <MethodologyErrors error={approve.error} />
            <ModalFormActions
              error={null}
              onCancel={() => setApproving(false)}
              submitLabel={t('risks.methodology.approve')}
              loading={approve.isPending}
            />
          </Stack>
        </form>
      </Modal>
      <ConfirmModal
        opened={deleting}
        title={t('risks.methodology.deleteDraft')}
        message={t('risks.methodology.deleteMessage', { version: m.version })}
        confirmLabel={t('common.delete')}
        onConfirm={() => remove.mutate()}
        onClose={() => setDeleting(false)}
        loading={remove.isPending}
        error={remove.error}
        danger
      />
    </section>
  );
}

function NewDraftModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (m: RiskMethodologyView) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: () => api.post('/api/risk-methodologies', riskMethodologyResponse, { name }),
    onSuccess: async (m) => {
      await queryClient.invalidateQueries({ queryKey: risksKey });
      onCreated(m);
    },
  });
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('risks.closeDialog') }}
      opened
      onClose={onClose}
      title={t('risks.methodology.newDraft')}
      centered
    >
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack>
          <TextInput
            label={t('risks.methodology.name')}
            description={t('risks.methodology.newDraftHint')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            data-autofocus
          />
          <ModalFormActions
            error={create.error}
            onCancel={onClose}
            submitLabel={t('risks.methodology.createDraft')}
            loading={create.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
