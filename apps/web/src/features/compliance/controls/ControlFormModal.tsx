import {
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  APPLIED_CONTROL_CATEGORIES,
  APPLIED_CONTROL_STATUSES,
  type AppliedControlCategory,
  type AppliedControlStatus,
  type AppliedControlView,
  appliedControlResponse,
  CONTROL_EFFECTIVENESS_RATINGS,
  type ControlEffectiveness,
  type ControlRequirementRef,
  createAppliedControlRequest,
  updateAppliedControlRequest,
} from '@vigil/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import { ModalFormActions } from '../../../components/ModalFormActions.js';
import { type FieldErrors, fieldErrors, hasErrors } from '../../../lib/validation.js';
import { useUserOptions } from '../../org/useUserOptions.js';
import { AssetMultiSelect } from '../../risks/components/AssetMultiSelect.js';
import { complianceKey, controlPath, useEvidenceList } from '../api.js';
import { RequirementPicker } from './RequirementPicker.js';

/** Creates an applied control or edits one, with its requirements, assets, evidence and rating. */
export function ControlFormModal({
  control,
  onClose,
}: {
  control: AppliedControlView | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const users = useUserOptions();
  const evidence = useEvidenceList();
  const [name, setName] = useState(control?.name ?? '');
  const [description, setDescription] = useState(control?.description ?? '');
  const [ownerId, setOwnerId] = useState<string | null>(control?.owner?.id ?? null);
  const [status, setStatus] = useState<AppliedControlStatus>(control?.status ?? 'planned');
  const [category, setCategory] = useState<AppliedControlCategory>(control?.category ?? 'policy');
  const [requirements, setRequirements] = useState<ControlRequirementRef[]>(
    control?.requirements.map((r) => ({ frameworkKey: r.frameworkKey, ref: r.ref })) ?? [],
  );
  const [assetIds, setAssetIds] = useState(control?.assets.map((a) => a.id) ?? []);
  const [evidenceIds, setEvidenceIds] = useState(control?.evidence.map((e) => e.id) ?? []);
  const [reviewMonths, setReviewMonths] = useState<number | null>(control?.reviewMonths ?? null);
  const [nextReviewOn, setNextReviewOn] = useState(control?.nextReviewOn ?? '');
  const [effectiveness, setEffectiveness] = useState<ControlEffectiveness>(
    control?.effectiveness ?? 'not_rated',
  );
  const [errors, setErrors] = useState<FieldErrors>({});

  const body = () => ({
    name,
    description: description.trim(),
    ownerId,
    status,
    category,
    requirements,
    assetIds,
    evidenceIds,
    reviewMonths,
    ...(nextReviewOn ? { nextReviewOn } : {}),
    effectiveness,
  });

  const save = useMutation({
    mutationFn: () =>
      control
        ? api.patch(controlPath(control.id), appliedControlResponse, body())
        : api.post(controlPath(), appliedControlResponse, body()),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: complianceKey });
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = fieldErrors(control ? updateAppliedControlRequest : createAppliedControlRequest, body(), t);
    setErrors(next);
    if (!hasErrors(next)) save.mutate();
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('compliance.closeDialog') }}
      opened
      onClose={onClose}
      title={control ? t('compliance.controls.editTitle') : t('compliance.controls.createTitle')}
      centered
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('compliance.controls.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            required
          />
          <Textarea
            label={t('compliance.controls.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('compliance.controls.category')}
              data={APPLIED_CONTROL_CATEGORIES.map((v) => ({
                value: v,
                label: t(`compliance.category.${v}`),
              }))}
              value={category}
              onChange={(v) => setCategory(APPLIED_CONTROL_CATEGORIES.find((x) => x === v) ?? 'policy')}
              allowDeselect={false}
            />
            <Select
              label={t('compliance.controls.status')}
              data={APPLIED_CONTROL_STATUSES.map((v) => ({
                value: v,
                label: t(`compliance.controlStatus.${v}`),
              }))}
              value={status}
              onChange={(v) => setStatus(APPLIED_CONTROL_STATUSES.find((x) => x === v) ?? 'planned')}
              allowDeselect={false}
            />
            <Select
              label={t('compliance.controls.owner')}
              data={users.options}
              value={ownerId}
              onChange={setOwnerId}
              searchable
              clearable
            />
            <Select
              label={t('compliance.controls.effectiveness')}
              data={CONTROL_EFFECTIVENESS_RATINGS.map((v) => ({
                value: v,
                label: t(`compliance.effectiveness.${v}`),
              }))}
              value={effectiveness}
              onChange={(v) =>
                setEffectiveness(CONTROL_EFFECTIVENESS_RATINGS.find((x) => x === v) ?? 'not_rated')
              }
              allowDeselect={false}
            />
            <NumberInput
              label={t('compliance.controls.reviewMonths')}
              value={reviewMonths ?? ''}
              onChange={(v) => setReviewMonths(typeof v === 'number' ? v : null)}
              min={1}
              max={60}
              error={errors.reviewMonths}
            />
            <TextInput
              type="date"
              label={t('compliance.controls.nextReviewOn')}
              value={nextReviewOn}
              onChange={(e) => setNextReviewOn(e.currentTarget.value)}
              error={errors.nextReviewOn}
            />
          </SimpleGrid>
          <RequirementPicker value={requirements} onChange={setRequirements} error={errors.requirements} />
          <AssetMultiSelect
            label={t('compliance.controls.assets')}
            value={assetIds}
            onChange={setAssetIds}
            known={control?.assets.map((a) => ({ value: a.id, label: `${a.code} ${a.name}` })) ?? []}
          />
          <MultiSelect
            label={t('compliance.controls.evidence')}
            data={(evidence.data?.items ?? []).map((e) => ({ value: e.id, label: e.title }))}
            value={evidenceIds}
            onChange={setEvidenceIds}
            searchable
            clearable
          />
          <ModalFormActions
            error={save.error}
            onCancel={onClose}
            submitLabel={t('compliance.save')}
            loading={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
