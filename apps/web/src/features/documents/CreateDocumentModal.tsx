import { Button, Group, Modal, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DOCUMENT_CLASSIFICATIONS, type DocumentClassification, documentDetail } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.js';
import { usePermissions, useSession } from '../../api/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { documentsKey, useLevels, usePeople } from './api.js';
import { parseRequirements } from './documentForm.js';
import { levelName } from './labels.js';

export function CreateDocumentModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const can = usePermissions();
  const session = useSession();
  const levels = useLevels();
  const people = usePeople(can('users.read'));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [number, setNumber] = useState('');
  const [levelId, setLevelId] = useState<string | null>('policy');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [classification, setClassification] = useState<DocumentClassification>('internal');
  const [interval, setInterval] = useState<number>(12);
  const [requirements, setRequirements] = useState('');
  const create = useMutation({
    mutationFn: () =>
      api.post('/api/documents', documentDetail, {
        title,
        ...(number.trim() ? { number: number.trim() } : {}),
        levelId,
        ownerId: ownerId ?? session.data?.user.id,
        classification,
        reviewIntervalMonths: interval,
        requirements: parseRequirements(requirements),
      }),
    onSuccess: async (doc) => {
      await queryClient.invalidateQueries({ queryKey: documentsKey });
      onClose();
      navigate(`/documents/${doc.id}`);
    },
  });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('documents.register.new')}
      closeButtonProps={{ 'aria-label': t('documents.doc.cancel') }}
    >
      <Stack>
        <TextInput
          label={t('documents.fields.title')}
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <Select
          label={t('documents.fields.level')}
          data={(levels.data?.items ?? []).map((l) => ({ value: l.id, label: levelName(l, i18n.language) }))}
          value={levelId}
          onChange={setLevelId}
        />
        <TextInput
          label={t('documents.fields.number')}
          description={t('documents.fields.numberHint')}
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
        />
        <Select
          label={t('documents.fields.owner')}
          searchable
          data={(people.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
          value={ownerId ?? session.data?.user.id ?? null}
          onChange={setOwnerId}
        />
        <Select
          label={t('documents.fields.classification')}
          data={DOCUMENT_CLASSIFICATIONS.map((c) => ({
            value: c,
            label: t(`documents.classification.${c}`),
          }))}
          value={classification}
          onChange={(v) => v && setClassification(v as DocumentClassification)}
        />
        <NumberInput
          label={t('documents.fields.reviewInterval')}
          min={1}
          max={120}
          value={interval}
          onChange={(v) => setInterval(Number(v) || 12)}
        />
        <Textarea
          label={t('documents.fields.requirements')}
          description={t('documents.doc.requirementsHint')}
          value={requirements}
          onChange={(e) => setRequirements(e.currentTarget.value)}
        />
        <ErrorAlert error={create.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('documents.doc.cancel')}
          </Button>
          <Button onClick={() => create.mutate()} loading={create.isPending}>
            {t('documents.doc.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
