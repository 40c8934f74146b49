import { Checkbox, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  createRiskScenarioRequest,
  RISK_TREATMENT_OPTIONS,
  type RiskMethodologyDefinition,
  type RiskRatingInput,
  type RiskScenarioView,
  type RiskTreatmentOption,
  riskScenarioDetail,
  riskScenarioResponse,
  updateRiskScenarioRequest,
} from '@vigil/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import { ModalFormActions } from '../../../components/ModalFormActions.js';
import { type FieldErrors, fieldErrors, hasErrors } from '../../../lib/validation.js';
import { useUserOptions } from '../../org/useUserOptions.js';
import { assessmentPath, risksKey, scenarioPath, useThreats, useVulnerabilities } from '../api.js';
import { AssetMultiSelect } from '../components/AssetMultiSelect.js';
import { useCatalogueName } from '../labels.js';
import { blankRating, RatingInput } from './RatingInput.js';

interface ScenarioFormModalProps {
  assessmentId: string;
  definition: RiskMethodologyDefinition;
  /** null adds a scenario to the assessment. */
  scenario: RiskScenarioView | null;
  /** Inherent ratings may change only while the assessment is open. */
  inherentEditable: boolean;
  onClose: () => void;
}

/** Adds or edits a risk scenario: what is at risk, from what, how likely and how bad, and what to do. */
export function ScenarioFormModal({
  assessmentId,
  definition,
  scenario,
  inherentEditable,
  onClose,
}: ScenarioFormModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const name = useCatalogueName();
  const threats = useThreats();
  const vulnerabilities = useVulnerabilities();
  const users = useUserOptions();
  const [title, setTitle] = useState(scenario?.title ?? '');
  const [assetIds, setAssetIds] = useState(scenario?.assets.map((a) => a.id) ?? []);
  const [threatId, setThreatId] = useState<string | null>(scenario?.threat?.id ?? null);
  const [vulnerabilityId, setVulnerabilityId] = useState<string | null>(scenario?.vulnerability?.id ?? null);
  const [description, setDescription] = useState(scenario?.description ?? '');
  const [existingControls, setExistingControls] = useState(scenario?.existingControls ?? '');
  const [inherent, setInherent] = useState<RiskRatingInput>(
    scenario?.inherent.input ?? blankRating(definition),
  );
  const [treatmentOption, setTreatmentOption] = useState<RiskTreatmentOption | null>(
    scenario?.treatmentOption ?? null,
  );
  const [plannedControls, setPlannedControls] = useState(scenario?.plannedControls ?? '');
  const [withTarget, setWithTarget] = useState(Boolean(scenario?.target));
  const [target, setTarget] = useState<RiskRatingInput>(scenario?.target?.input ?? blankRating(definition));
  const [ownerId, setOwnerId] = useState<string | null>(scenario?.owner?.id ?? null);
  const [errors, setErrors] = useState<FieldErrors>({});

  const body = () => ({
    assetIds,
    threatId,
    vulnerabilityId,
    ...(title.trim() ? { title: title.trim() } : {}),
    description: description.trim(),
    existingControls: existingControls.trim(),
    ...(inherentEditable || !scenario ? { inherent } : {}),
    treatmentOption,
    plannedControls: plannedControls.trim(),
    target: withTarget ? target : null,
    ownerId,
  });

  const save = useMutation({
    mutationFn: () =>
      scenario
        ? api.patch(scenarioPath(scenario.id), riskScenarioDetail, body())
        : api.post(`${assessmentPath(assessmentId)}/scenarios`, riskScenarioResponse, body()),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: risksKey });
      onClose();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = fieldErrors(scenario ? updateRiskScenarioRequest : createRiskScenarioRequest, body(), t);
    setErrors(next);
    if (!hasErrors(next)) save.mutate();
  };

  const catalogueOptions = (
    items: { id: string; code: string; nameEn: string; nameZh: string; retired: boolean }[],
  ) =>
    items
      .filter((i) => !i.retired || i.id === threatId || i.id === vulnerabilityId)
      .map((i) => ({ value: i.id, label: `${i.code} ${name(i)}` }));
  const ownerOptions =
    scenario?.owner && !users.options.some((o) => o.value === scenario.owner?.id)
      ? [...users.options, { value: scenario.owner.id, label: scenario.owner.displayName }]
      : users.options;

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('risks.closeDialog') }}
      opened
      onClose={onClose}
      title={
        scenario ? t('risks.scenario.editTitle', { code: scenario.code }) : t('risks.scenario.createTitle')
      }
      centered
      size="xl"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <AssetMultiSelect
            label={t('risks.fields.assets')}
            value={assetIds}
            onChange={setAssetIds}
            known={scenario?.assets.map((a) => ({ value: a.id, label: `${a.code} ${a.name}` }))}
            error={errors.assetIds}
            required
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('risks.fields.threat')}
              data={catalogueOptions(threats.data?.items ?? [])}
              value={threatId}
              onChange={setThreatId}
              searchable
              clearable
            />
            <Select
              label={t('risks.fields.vulnerability')}
              data={catalogueOptions(vulnerabilities.data?.items ?? [])}
              value={vulnerabilityId}
              onChange={setVulnerabilityId}
              searchable
              clearable
            />
          </SimpleGrid>
          <TextInput
            label={t('risks.fields.title')}
            description={t('risks.scenario.titleHint')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
          />
          <Textarea
            label={t('risks.fields.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
            autosize
            minRows={2}
          />
          <Textarea
            label={t('risks.fields.existingControls')}
            value={existingControls}
            onChange={(e) => setExistingControls(e.currentTarget.value)}
            error={errors.existingControls}
            autosize
            minRows={2}
          />
          {inherentEditable || !scenario ? (
            <RatingInput
              legend={t('risks.rating.inherentLegend')}
              levelLabel={t('risks.fields.inherent')}
              definition={definition}
              value={inherent}
              onChange={setInherent}
            />
          ) : null}
          <Select
            label={t('risks.fields.treatmentOption')}
            data={RISK_TREATMENT_OPTIONS.map((o) => ({ value: o, label: t(`risks.treatmentOptions.${o}`) }))}
            value={treatmentOption}
            onChange={(o) => setTreatmentOption(RISK_TREATMENT_OPTIONS.find((x) => x === o) ?? null)}
            clearable
          />
          <Textarea
            label={t('risks.fields.plannedControls')}
            value={plannedControls}
            onChange={(e) => setPlannedControls(e.currentTarget.value)}
            error={errors.plannedControls}
            autosize
            minRows={2}
          />
          <Checkbox
            label={t('risks.scenario.setTarget')}
            checked={withTarget}
            onChange={(e) => setWithTarget(e.currentTarget.checked)}
          />
          {withTarget ? (
            <RatingInput
              legend={t('risks.rating.targetLegend')}
              levelLabel={t('risks.fields.target')}
              definition={definition}
              value={target}
              onChange={setTarget}
            />
          ) : null}
          <Select
            label={t('risks.fields.owner')}
            data={ownerOptions}
            value={ownerId}
            onChange={setOwnerId}
            searchable
            clearable
            disabled={!users.allowed}
          />
          <ModalFormActions
            error={save.error}
            onCancel={onClose}
            submitLabel={scenario ? t('common.save') : t('risks.scenario.add')}
            loading={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
