import {
  Checkbox,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { ASSET_STATUSES, assetCorrection, DEFAULT_ASSET_VALUATION } from '@vigil/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.js';
import { ModalFormActions } from '../../../components/ModalFormActions.js';
import { errorMessage, validationProblems } from '../../../i18n/errors.js';
import { type FieldErrors, fieldErrors, hasErrors } from '../../../lib/validation.js';
import { useUserOptions } from '../../org/useUserOptions.js';
import { useValuationSettings } from '../api.js';
import { ruleErrorField, serverFieldErrors } from '../assetForm.js';
import { IdentifierEditor } from '../form/IdentifierEditor.js';
import { useClassificationOptions } from '../labels.js';
import { ratingOptions } from '../valuation.js';
import { type MyItem, useConfirmItem } from './confirmItem.js';
import { type CorrectionForm, correctionFormFrom, correctionsFrom } from './correction.js';

/** Correct the fields an owner may change, then confirm; unchanged fields are not sent. */
export function CorrectionModal({ item, onClose }: { item: MyItem; onClose: () => void }) {
  const { t } = useTranslation();
  const settings = useValuationSettings().data ?? DEFAULT_ASSET_VALUATION;
  const users = useUserOptions();
  const classificationOptions = useClassificationOptions();
  const [form, setForm] = useState<CorrectionForm>(() => correctionFormFrom(item.asset));
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (change: Partial<CorrectionForm>) => setForm((f) => ({ ...f, ...change }));
  const confirm = useConfirmItem(onClose);
  const ruleField = isApiError(confirm.error) ? ruleErrorField(confirm.error.details) : null;
  const shown: FieldErrors = {
    ...serverFieldErrors(validationProblems(confirm.error)),
    ...(ruleField ? { [ruleField]: errorMessage(t, confirm.error) } : {}),
    ...errors,
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const corrections = correctionsFrom(item.asset, form);
    const next = fieldErrors(assetCorrection, corrections, t);
    for (const key of Object.keys(next)) {
      const top = key.split('.')[0] ?? key;
      if (top !== key) next[top] ??= next[key];
    }
    setErrors(next);
    if (!hasErrors(next)) confirm.mutate({ item, body: { corrections, note: note.trim() || null } });
  };

  const ratings = ratingOptions(settings.scaleMax).map((r) => ({ value: r, label: r }));
  const rating = (field: 'confidentiality' | 'integrity' | 'availability' | 'legal') => (
    <Select
      label={t(`assets.fields.${field}`)}
      data={ratings}
      value={form[field] === null ? null : String(form[field])}
      onChange={(v) => set({ [field]: v === null ? null : Number(v) })}
      error={shown[field]}
      clearable
    />
  );
  const custodianOptions = [...users.options];
  const custodian = item.asset.custodian;
  if (custodian && !custodianOptions.some((o) => o.value === custodian.id)) {
    custodianOptions.push({ value: custodian.id, label: `${custodian.displayName} (${custodian.username})` });
  }

  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('assets.closeDialog') }}
      title={t('assets.confirm.correctTitle', { name: `${item.asset.code} ${item.asset.name}` })}
      size="xl"
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('assets.confirm.correctIntro')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('assets.fields.name')}
              value={form.name}
              onChange={(e) => set({ name: e.currentTarget.value })}
              error={shown.name}
              required
              data-autofocus
            />
            <Select
              label={t('assets.fields.status')}
              data={ASSET_STATUSES.map((v) => ({ value: v, label: t(`assets.statuses.${v}`) }))}
              value={form.status}
              onChange={(v) => set({ status: ASSET_STATUSES.find((s) => s === v) ?? form.status })}
              allowDeselect={false}
            />
            <TextInput
              label={t('assets.fields.location')}
              value={form.location}
              onChange={(e) => set({ location: e.currentTarget.value })}
              error={shown.location}
            />
            <TextInput
              label={t('assets.fields.vendor')}
              value={form.vendor}
              onChange={(e) => set({ vendor: e.currentTarget.value })}
              error={shown.vendor}
            />
            <TextInput
              type="date"
              label={t('assets.fields.endOfSupportOn')}
              value={form.endOfSupportOn}
              onChange={(e) => set({ endOfSupportOn: e.currentTarget.value })}
              error={shown.endOfSupportOn}
            />
            {users.allowed ? (
              <Select
                label={t('assets.fields.custodian')}
                data={custodianOptions}
                value={form.custodianId}
                onChange={(custodianId) => set({ custodianId })}
                error={shown.custodianId}
                searchable
                clearable
              />
            ) : null}
            <TagsInput
              label={t('assets.fields.tags')}
              value={form.tags}
              onChange={(tags) => set({ tags })}
              error={shown.tags}
            />
            <Select
              label={t('assets.fields.classification')}
              data={classificationOptions}
              value={form.classification}
              onChange={(classification) => set({ classification })}
              error={shown.classification}
              clearable
            />
          </SimpleGrid>
          <Textarea
            label={t('assets.fields.description')}
            value={form.description}
            onChange={(e) => set({ description: e.currentTarget.value })}
            error={shown.description}
            autosize
            minRows={2}
          />
          <SimpleGrid cols={{ base: 2, sm: settings.legalRating ? 4 : 3 }}>
            {rating('confidentiality')}
            {rating('integrity')}
            {rating('availability')}
            {settings.legalRating ? rating('legal') : null}
          </SimpleGrid>
          <Checkbox
            label={t('assets.fields.personalData')}
            checked={form.personalData}
            onChange={(e) => set({ personalData: e.currentTarget.checked })}
          />
          <Title order={3} size="h5">
            {t('assets.sections.identifiers')}
          </Title>
          <IdentifierEditor
            rows={form.identifiers}
            onChange={(identifiers) => set({ identifiers })}
            error={shown.identifiers}
          />
          <Textarea
            label={t('assets.confirm.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <ModalFormActions
            error={confirm.error}
            onCancel={onClose}
            submitLabel={t('assets.confirm.correctSubmit')}
            loading={confirm.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
