import { Modal, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  createRiskAssessmentRequest,
  type RiskAssessmentView,
  riskAssessmentResponse,
  updateRiskAssessmentRequest,
} from '@vigil/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../api/client.js';
import { ModalFormActions } from '../../../components/ModalFormActions.js';
import { type FieldErrors, fieldErrors, hasErrors } from '../../../lib/validation.js';
import { useUnitOptions } from '../../users/useUnitOptions.js';
import { assessmentPath, risksKey, useAssessments } from '../api.js';
import { AssetMultiSelect } from '../components/AssetMultiSelect.js';

interface AssessmentFormModalProps {
  /** null creates a new assessment. */
  assessment: RiskAssessmentView | null;
  onClose: () => void;
}

/** Creates an assessment (optionally starting from a completed one) or edits its title and scope. */
export function AssessmentFormModal({ assessment, onClose }: AssessmentFormModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { options: unitOptions } = useUnitOptions();
  const completed = useAssessments({ status: 'completed', limit: 100 }, assessment === null);
  const [title, setTitle] = useState(assessment?.title ?? '');
  const [description, setDescription] = useState(assessment?.description ?? '');
  const [unitIds, setUnitIds] = useState(assessment?.scopeUnits.map((u) => u.id) ?? []);
  const [assetIds, setAssetIds] = useState(assessment?.scopeAssets.map((a) => a.id) ?? []);
  const [startsOn, setStartsOn] = useState(assessment?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(assessment?.endsOn ?? '');
  const [copyFrom, setCopyFrom] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});

  const body = () => ({
    title,
    description: description.trim(),
    scopeUnitIds: unitIds,
    scopeAssetIds: assetIds,
    startsOn: startsOn || null,
    endsOn: endsOn || null,
    ...(assessment === null && copyFrom ? { copyFromAssessmentId: copyFrom } : {}),
  });

  const save = useMutation({
    mutationFn: () =>
      assessment
        ? api.patch(assessmentPath(assessment.id), riskAssessmentResponse, body())
        : api.post('/api/risk-assessments', riskAssessmentResponse, body()),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: risksKey });
      onClose();
      if (!assessment) await navigate(`/risks/assessments/${saved.id}`);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = fieldErrors(
      assessment ? updateRiskAssessmentRequest : createRiskAssessmentRequest,
      body(),
      t,
    );
    setErrors(next);
    if (!hasErrors(next)) save.mutate();
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('risks.closeDialog') }}
      opened
      onClose={onClose}
      title={assessment ? t('risks.assessments.editTitle') : t('risks.assessments.createTitle')}
      centered
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('risks.assessment.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
            required
            data-autofocus
          />
          <Textarea
            label={t('risks.assessment.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
            autosize
            minRows={2}
          />
          <MultiSelect
            label={t('risks.assessment.scopeUnits')}
            data={unitOptions}
            value={unitIds}
            onChange={setUnitIds}
            searchable
            clearable
          />
          <AssetMultiSelect
            label={t('risks.assessment.scopeAssets')}
            value={assetIds}
            onChange={setAssetIds}
            known={assessment?.scopeAssets.map((a) => ({ value: a.id, label: `${a.code} ${a.name}` }))}
          />
          <SimpleGrid cols={2}>
            <TextInput
              type="date"
              label={t('risks.assessment.startsOn')}
              value={startsOn}
              onChange={(e) => setStartsOn(e.currentTarget.value)}
              error={errors.startsOn}
            />
            <TextInput
              type="date"
              label={t('risks.assessment.endsOn')}
              value={endsOn}
              onChange={(e) => setEndsOn(e.currentTarget.value)}
              error={errors.endsOn}
            />
          </SimpleGrid>
          {assessment === null ? (
            <Select
              label={t('risks.assessment.copyFrom')}
              description={t('risks.assessment.copyFromHint')}
              data={(completed.data?.items ?? []).map((a) => ({ value: a.id, label: a.title }))}
              value={copyFrom}
              onChange={setCopyFrom}
              placeholder={t('risks.assessment.copyFromNone')}
              clearable
            />
          ) : null}
          <ModalFormActions
            error={save.error}
            onCancel={onClose}
            submitLabel={assessment ? t('common.save') : t('risks.assessments.create')}
            loading={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
