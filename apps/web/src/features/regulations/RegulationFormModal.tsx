import {
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  REGULATION_KIND_LABELS,
  REGULATION_KINDS,
  REGULATION_STATUS_LABELS,
  REGULATION_STATUSES,
  type RegulationKind,
  type RegulationStatus,
  type RegulationView,
  regulationResponse,
} from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useUserOptions } from '../org/useUserOptions.js';
import { useBilingual } from '../risks/labels.js';
import { regulationPath, regulationsKey } from './api.js';

/** Adds or edits a register entry; the obligations are one short text per line. */
export function RegulationFormModal({
  entry,
  onClose,
}: {
  entry: RegulationView | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const text = useBilingual();
  const users = useUserOptions();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    nameZh: entry?.nameZh ?? '',
    nameEn: entry?.nameEn ?? '',
    kind: (entry?.kind ?? 'law') as RegulationKind,
    authority: entry?.authority ?? '',
    reference: entry?.reference ?? '',
    url: entry?.url ?? '',
    applicable: entry?.applicable ?? true,
    applicabilityNote: entry?.applicabilityNote ?? '',
    ownerId: entry?.owner?.id ?? null,
    obligations: (entry?.obligations ?? []).map((o) => o.text).join('\n'),
    reviewMonths: entry?.reviewMonths ?? 12,
    status: (entry?.status ?? 'in_force') as RegulationStatus,
    notes: entry?.notes ?? '',
  });
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: v }));
  const save = useMutation({
    mutationFn: () => {
      const before = new Map((entry?.obligations ?? []).map((o) => [o.text, o.requirements]));
      const body = {
        ...form,
        url: form.url.trim() || null,
        obligations: form.obligations
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean)
          .map((s) => ({ text: s, requirements: before.get(s) ?? [] })),
      };
      return entry
        ? api.patch(regulationPath(entry.id), regulationResponse, body)
        : api.post('/api/regulations', regulationResponse, body);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: regulationsKey });
      onClose();
    },
  });

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={entry ? t('regulations.form.edit') : t('regulations.form.add')}
      closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('regulations.fields.nameZh')}
              required
              value={form.nameZh}
              onChange={(e) => set('nameZh', e.currentTarget.value)}
            />
            <TextInput
              label={t('regulations.fields.nameEn')}
              required
              value={form.nameEn}
              onChange={(e) => set('nameEn', e.currentTarget.value)}
            />
            <Select
              label={t('regulations.fields.kind')}
              data={REGULATION_KINDS.map((k) => ({ value: k, label: text(REGULATION_KIND_LABELS[k]) }))}
              value={form.kind}
              onChange={(v) => v && set('kind', v as RegulationKind)}
              allowDeselect={false}
            />
            <Select
              label={t('common.status')}
              data={REGULATION_STATUSES.map((s) => ({ value: s, label: text(REGULATION_STATUS_LABELS[s]) }))}
              value={form.status}
              onChange={(v) => v && set('status', v as RegulationStatus)}
              allowDeselect={false}
            />
            <TextInput
              label={t('regulations.fields.authority')}
              value={form.authority}
              onChange={(e) => set('authority', e.currentTarget.value)}
            />
            <TextInput
              label={t('regulations.fields.reference')}
              value={form.reference}
              onChange={(e) => set('reference', e.currentTarget.value)}
            />
            <TextInput
              label={t('regulations.fields.url')}
              type="url"
              value={form.url}
              onChange={(e) => set('url', e.currentTarget.value)}
            />
            {users.allowed ? (
              <Select
                label={t('regulations.fields.owner')}
                data={users.options}
                value={form.ownerId}
                onChange={(v) => set('ownerId', v)}
                searchable
                clearable
              />
            ) : null}
            <NumberInput
              label={t('regulations.fields.reviewMonths')}
              min={1}
              max={120}
              value={form.reviewMonths}
              onChange={(v) => set('reviewMonths', typeof v === 'number' ? v : 12)}
            />
            <Checkbox
              label={t('regulations.fields.applicable')}
              checked={form.applicable}
              onChange={(e) => set('applicable', e.currentTarget.checked)}
              mt="lg"
            />
          </SimpleGrid>
          <Textarea
            label={t('regulations.fields.applicabilityNote')}
            value={form.applicabilityNote}
            onChange={(e) => set('applicabilityNote', e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Textarea
            label={t('regulations.fields.obligations')}
            description={t('regulations.form.obligationsHint')}
            value={form.obligations}
            onChange={(e) => set('obligations', e.currentTarget.value)}
            autosize
            minRows={3}
          />
          <Textarea
            label={t('regulations.fields.notes')}
            value={form.notes}
            onChange={(e) => set('notes', e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
