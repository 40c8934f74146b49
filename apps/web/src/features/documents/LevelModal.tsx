import { Checkbox, Modal, NumberInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type DocumentLevelView,
  documentLevel,
  documentLevelRequest,
  updateDocumentLevelRequest,
} from '@vigil/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { ModalFormActions } from '../../components/ModalFormActions.js';
import { type FieldErrors, fieldErrors } from '../../lib/validation.js';
import { documentsKey } from './api.js';

interface LevelForm {
  id: string;
  rank: number;
  prefix: string;
  nameZh: string;
  nameEn: string;
  isRecord: boolean;
  retentionYears: number | null;
}

const blank = (rank: number): LevelForm => ({
  id: '',
  rank,
  prefix: '',
  nameZh: '',
  nameEn: '',
  isRecord: false,
  retentionYears: 3,
});

const fromLevel = (l: DocumentLevelView): LevelForm => ({
  id: l.id,
  rank: l.rank,
  prefix: l.prefix,
  nameZh: l.nameZh,
  nameEn: l.nameEn,
  isRecord: l.isRecord,
  retentionYears: l.retentionYears,
});

interface LevelModalProps {
  /** null: a new level. */
  level: DocumentLevelView | null;
  nextRank: number;
  opened: boolean;
  onClose: () => void;
}

/** Adds a document level or edits one (its key stays; documents refer to it). */
export function LevelModal({ level, nextRank, opened, onClose }: LevelModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<LevelForm>(blank(nextRank));
  const [errors, setErrors] = useState<FieldErrors>({});
  useEffect(() => {
    if (!opened) return;
    setErrors({});
    setForm(level ? fromLevel(level) : blank(nextRank));
  }, [opened, level, nextRank]);
  const body = () => {
    if (!level) return form;
    const before = fromLevel(level);
    const { id: _id, ...rest } = form;
    return Object.fromEntries(Object.entries(rest).filter(([k, v]) => before[k as keyof LevelForm] !== v));
  };
  const save = useMutation({
    mutationFn: () =>
      level
        ? api.patch(`/api/document-levels/${encodeURIComponent(level.id)}`, documentLevel, body())
        : api.post('/api/document-levels', documentLevel, body()),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: documentsKey });
      onClose();
    },
  });
  const set = <K extends keyof LevelForm>(key: K, value: LevelForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = fieldErrors(level ? updateDocumentLevelRequest : documentLevelRequest, body(), t);
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={level ? t('documents.levels.editTitle', { id: level.id }) : t('documents.levels.add')}
      closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('documents.levels.key')}
            description={t('documents.levels.keyHint')}
            required
            disabled={level !== null}
            value={form.id}
            error={errors.id}
            onChange={(e) => set('id', e.currentTarget.value)}
          />
          <TextInput
            label={t('documents.levels.nameZh')}
            required
            value={form.nameZh}
            error={errors.nameZh}
            onChange={(e) => set('nameZh', e.currentTarget.value)}
          />
          <TextInput
            label={t('documents.levels.nameEn')}
            required
            value={form.nameEn}
            error={errors.nameEn}
            onChange={(e) => set('nameEn', e.currentTarget.value)}
          />
          <TextInput
            label={t('documents.levels.prefix')}
            description={t('documents.levels.prefixHint', { prefix: form.prefix || 'X' })}
            required
            value={form.prefix}
            error={errors.prefix}
            onChange={(e) => set('prefix', e.currentTarget.value.toUpperCase())}
          />
          <NumberInput
            label={t('documents.levels.rank')}
            min={1}
            max={99}
            allowDecimal={false}
            value={form.rank}
            error={errors.rank}
            onChange={(v) => set('rank', typeof v === 'number' ? v : Number(v) || 0)}
          />
          <Checkbox
            label={t('documents.levels.isRecord')}
            description={t('documents.levels.isRecordHint')}
            checked={form.isRecord}
            onChange={(e) => set('isRecord', e.currentTarget.checked)}
          />
          <NumberInput
            label={t('documents.fields.retention')}
            description={t('documents.levels.retentionHint')}
            min={1}
            max={100}
            allowDecimal={false}
            value={form.retentionYears ?? ''}
            error={errors.retentionYears}
            onChange={(v) => set('retentionYears', v === '' ? null : Number(v))}
          />
          <ModalFormActions
            error={save.error}
            onCancel={onClose}
            submitLabel={t('documents.doc.save')}
            loading={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
