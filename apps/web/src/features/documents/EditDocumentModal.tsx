import { Modal, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  DOCUMENT_CLASSIFICATIONS,
  type DocumentClassification,
  type DocumentDetail,
  documentDetail,
  updateDocumentRequest,
} from '@vigil/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { usePermissions } from '../../api/session.js';
import { ModalFormActions } from '../../components/ModalFormActions.js';
import { type FieldErrors, fieldErrors } from '../../lib/validation.js';
import { documentPath, documentsKey, useLevels, usePeople } from './api.js';
import { formFromDetail, type MetadataForm, metadataPatch } from './documentForm.js';
import { levelName } from './labels.js';

interface EditDocumentModalProps {
  doc: DocumentDetail;
  opened: boolean;
  onClose: () => void;
}

/** Edits a document's metadata; only the changed fields are sent (PATCH /api/documents/:id). */
export function EditDocumentModal({ doc, opened, onClose }: EditDocumentModalProps) {
  const { t, i18n } = useTranslation();
  const can = usePermissions();
  const levels = useLevels();
  const people = usePeople(can('users.read'));
  const queryClient = useQueryClient();
  const [form, setForm] = useState<MetadataForm>(() => formFromDetail(doc));
  const [errors, setErrors] = useState<FieldErrors>({});
  useEffect(() => {
    if (opened) {
      setForm(formFromDetail(doc));
      setErrors({});
    }
  }, [opened, doc]);
  const save = useMutation({
    mutationFn: () => api.patch(documentPath(doc.id), documentDetail, metadataPatch(doc, form)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: documentsKey });
      onClose();
    },
  });
  const set = <K extends keyof MetadataForm>(key: K, value: MetadataForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const patch = metadataPatch(doc, form);
    const found = fieldErrors(updateDocumentRequest, patch, t);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (Object.keys(patch).length === 0) onClose();
    else save.mutate();
  };
  const owners = (people.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }));
  if (doc.owner && !owners.some((o) => o.value === doc.owner?.id))
    owners.unshift({ value: doc.owner.id, label: doc.owner.displayName });
  const requirementError = Object.entries(errors).find(([k]) => k.startsWith('requirements'))?.[1];
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('documents.edit.title', { number: doc.number })}
      closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('documents.fields.title')}
            required
            value={form.title}
            error={errors.title}
            onChange={(e) => set('title', e.currentTarget.value)}
          />
          <Select
            label={t('documents.fields.level')}
            description={t('documents.edit.levelHint')}
            allowDeselect={false}
            data={(levels.data?.items ?? []).map((l) => ({
              value: l.id,
              label: levelName(l, i18n.language),
            }))}
            value={form.levelId}
            onChange={(v) => v && set('levelId', v)}
          />
          <Select
            label={t('documents.fields.owner')}
            searchable
            allowDeselect={false}
            data={owners}
            value={form.ownerId || null}
            error={errors.ownerId}
            onChange={(v) => v && set('ownerId', v)}
          />
          <Select
            label={t('documents.fields.classification')}
            allowDeselect={false}
            data={DOCUMENT_CLASSIFICATIONS.map((c) => ({
              value: c,
              label: t(`documents.classification.${c}`),
            }))}
            value={form.classification}
            onChange={(v) => v && set('classification', v as DocumentClassification)}
          />
          <Textarea
            label={t('documents.fields.requirements')}
            description={t('documents.doc.requirementsHint')}
            autosize
            minRows={2}
            value={form.requirements}
            error={requirementError}
            onChange={(e) => set('requirements', e.currentTarget.value)}
          />
          <NumberInput
            label={t('documents.fields.reviewInterval')}
            min={1}
            max={120}
            allowDecimal={false}
            value={form.reviewIntervalMonths}
            error={errors.reviewIntervalMonths}
            onChange={(v) => set('reviewIntervalMonths', typeof v === 'number' ? v : Number(v) || 0)}
          />
          <TextInput
            type="date"
            label={t('documents.fields.nextReview')}
            description={t('documents.edit.nextReviewHint')}
            value={form.nextReviewOn}
            error={errors.nextReviewOn}
            onChange={(e) => set('nextReviewOn', e.currentTarget.value)}
          />
          <NumberInput
            label={t('documents.fields.retention')}
            description={t('documents.edit.retentionHint', {
              years: levels.data?.items.find((l) => l.id === form.levelId)?.retentionYears ?? '—',
            })}
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
