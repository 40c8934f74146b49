import { Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { complianceAssessmentDetail, createComplianceAssessmentRequest } from '@vigil/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../api/client.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { ModalFormActions } from '../../../components/ModalFormActions.js';
import { type FieldErrors, fieldErrors, hasErrors } from '../../../lib/validation.js';
import { AssetSelect } from '../../risks/components/AssetMultiSelect.js';
import { assessmentPath, complianceKey, useAssessments, useBaseline, useFrameworkOptions } from '../api.js';

const SCHEDULE_10 = 'tw-schedule-10';

/** Starts an assessment of a framework for the organisation or one system, optionally from a completed one. */
export function AssessmentFormModal({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const zh = (i18n.resolvedLanguage ?? i18n.language) === 'zh-TW';
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const existing = useAssessments();
  const frameworks = useFrameworkOptions();
  const [title, setTitle] = useState('');
  const [frameworkKey, setFrameworkKey] = useState('iso27001-2022');
  const [scope, setScope] = useState<'organisation' | 'asset'>('organisation');
  const [assetId, setAssetId] = useState<string | null>(null);
  const [copyFromId, setCopyFromId] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const baseline = useBaseline(scope === 'asset' && frameworkKey === SCHEDULE_10 ? assetId : null);
  const completed = (existing.data?.items ?? []).filter(
    (a) => a.status === 'completed' && a.framework.key === frameworkKey,
  );

  const body = () => ({
    title,
    frameworkKey,
    scope,
    ...(scope === 'asset' && assetId ? { assetId } : {}),
    ...(copyFromId ? { copyFromId } : {}),
  });
  const save = useMutation({
    mutationFn: () => api.post(assessmentPath(), complianceAssessmentDetail, body()),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: complianceKey });
      onClose();
      await navigate(`/compliance/assessments/${saved.id}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = fieldErrors(createComplianceAssessmentRequest, body(), t);
    setErrors(next);
    if (!hasErrors(next)) save.mutate();
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('compliance.closeDialog') }}
      opened
      onClose={onClose}
      title={t('compliance.assessments.createTitle')}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('compliance.assessments.titleField')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
            required
          />
          <Select
            label={t('compliance.assessments.framework')}
            data={(frameworks.data?.items ?? [])
              .filter((f) => f.currentVersion)
              .map((f) => ({ value: f.key, label: zh ? f.name['zh-TW'] : f.name.en }))}
            value={frameworkKey}
            onChange={(v) => {
              if (!v) return;
              setFrameworkKey(v);
              setCopyFromId(null);
            }}
            placeholder={frameworks.isPending ? t('compliance.assessments.frameworkLoading') : undefined}
            error={errors.frameworkKey}
            allowDeselect={false}
            searchable
            required
          />
          <SegmentedControl
            aria-label={t('compliance.assessments.scope')}
            data={[
              { value: 'organisation', label: t('compliance.assessments.scopes.organisation') },
              { value: 'asset', label: t('compliance.assessments.scopes.asset') },
            ]}
            value={scope}
            onChange={(v) => setScope(v === 'asset' ? 'asset' : 'organisation')}
          />
          {scope === 'asset' ? (
            <AssetSelect
              label={t('compliance.assessments.system')}
              value={assetId}
              onChange={setAssetId}
              type="information_system"
            />
          ) : null}
          {errors.assetId ? (
            <Text size="sm" c="red">
              {errors.assetId}
            </Text>
          ) : null}
          {baseline.data ? (
            <Text size="sm">
              {t('compliance.baseline.summary', {
                level: t(`compliance.levels.${baseline.data.protectionLevel}`),
                count: baseline.data.measures.length,
                skipped: baseline.data.notRequired,
              })}
            </Text>
          ) : null}
          <ErrorAlert error={baseline.error} />
          <Select
            label={t('compliance.assessments.copyFrom')}
            data={completed.map((a) => ({ value: a.id, label: `${a.title} (${a.version.version})` }))}
            value={copyFromId}
            onChange={setCopyFromId}
            placeholder={t('compliance.assessments.copyNone')}
            clearable
          />
          <ModalFormActions
            error={save.error}
            onCancel={onClose}
            submitLabel={t('compliance.assessments.create')}
            loading={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
