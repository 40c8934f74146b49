import {
  Badge,
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  COMPLIANCE_RESULT_STATUSES,
  type ComplianceResultStatus,
  type ComplianceResultView,
  complianceAssessmentDetail,
} from '@vigil/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import { ModalFormActions } from '../../../components/ModalFormActions.js';
import { useUserOptions } from '../../org/useUserOptions.js';
import { complianceKey, resultPath, useControls, useEvidenceList } from '../api.js';

/** Records one requirement's result: status, reason, note, evidence and controls, and the gap's owner. */
export function ResultModal({ result, onClose }: { result: ComplianceResultView; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const zh = (i18n.resolvedLanguage ?? i18n.language) === 'zh-TW';
  const queryClient = useQueryClient();
  const users = useUserOptions();
  const evidence = useEvidenceList();
  const controls = useControls();
  const [status, setStatus] = useState<ComplianceResultStatus>(result.status);
  const [reason, setReason] = useState(result.reason ?? '');
  const [note, setNote] = useState(result.note);
  const [evidenceIds, setEvidenceIds] = useState(result.evidence.map((e) => e.id));
  const [controlIds, setControlIds] = useState(result.controls.map((c) => c.id));
  const [gapOwnerId, setGapOwnerId] = useState<string | null>(result.gapOwner?.id ?? null);
  const [gapDueOn, setGapDueOn] = useState(result.gapDueOn ?? '');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const gap = status === 'partial' || status === 'non_compliant';

  const save = useMutation({
    mutationFn: () =>
      api.patch(resultPath(result.id), complianceAssessmentDetail, {
        status,
        reason: status === 'not_applicable' ? reason.trim() : null,
        note: note.trim(),
        evidenceIds,
        controlIds,
        gapOwnerId: gap ? gapOwnerId : null,
        gapDueOn: gap && gapDueOn ? gapDueOn : null,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: complianceKey });
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = status === 'not_applicable' && !reason.trim();
    setReasonError(missing ? t('compliance.result.reasonRequired') : null);
    if (!missing) save.mutate();
  };
  const evidenceOptions = [
    ...new Map([
      ...(evidence.data?.items ?? []).map((e) => [e.id, e.title] as const),
      ...result.evidence.map((e) => [e.id, e.title] as const),
    ]).entries(),
  ].map(([value, label]) => ({ value, label }));
  const controlOptions = [
    ...new Map([
      ...(controls.data?.items ?? []).map((c) => [c.id, `${c.code} ${c.name}`] as const),
      ...result.controls.map((c) => [c.id, `${c.code} ${c.name}`] as const),
    ]).entries(),
  ].map(([value, label]) => ({ value, label }));
  const s = result.suggestions;

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('compliance.closeDialog') }}
      opened
      onClose={onClose}
      title={`${result.ref} ${zh ? result.titleZh : result.titleEn}`}
      centered
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {(zh ? result.descriptionZh : result.descriptionEn) ? (
            <Text size="sm" c="dimmed">
              {zh ? result.descriptionZh : result.descriptionEn}
            </Text>
          ) : null}
          <Select
            label={t('compliance.result.status')}
            data={COMPLIANCE_RESULT_STATUSES.map((v) => ({
              value: v,
              label: t(`compliance.result.statuses.${v}`),
            }))}
            value={status}
            onChange={(v) => setStatus(COMPLIANCE_RESULT_STATUSES.find((x) => x === v) ?? 'not_assessed')}
            allowDeselect={false}
          />
          {status === 'not_applicable' ? (
            <Textarea
              label={t('compliance.result.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={reasonError}
              required
              autosize
            />
          ) : null}
          {gap ? (
            <SimpleGrid cols={2}>
              <Select
                label={t('compliance.result.gapOwner')}
                data={users.options}
                value={gapOwnerId}
                onChange={setGapOwnerId}
                searchable
                clearable
              />
              <TextInput
                type="date"
                label={t('compliance.result.gapDue')}
                value={gapDueOn}
                onChange={(e) => setGapDueOn(e.currentTarget.value)}
              />
            </SimpleGrid>
          ) : null}
          <Textarea
            label={t('compliance.result.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
          />
          <MultiSelect
            label={t('compliance.result.evidence')}
            data={evidenceOptions}
            value={evidenceIds}
            onChange={setEvidenceIds}
            searchable
            clearable
          />
          <MultiSelect
            label={t('compliance.result.controls')}
            data={controlOptions}
            value={controlIds}
            onChange={setControlIds}
            searchable
            clearable
          />
          {s.controls.length + s.evidence.length > 0 ? (
            <Stack gap="xs" aria-label={t('compliance.result.suggestions')} component="section">
              <Text size="sm" fw={600}>
                {t('compliance.result.suggestions')}
              </Text>
              {s.controls
                .filter((c) => !controlIds.includes(c.id))
                .map((c) => (
                  <Group key={`c-${c.id}`} gap="xs">
                    <Badge variant="outline">
                      {t('compliance.result.via', { ref: c.via.ref, framework: c.via.frameworkKey })}
                    </Badge>
                    <Text size="sm">{`${c.code} ${c.name}`}</Text>
                    <Button
                      size="compact-xs"
                      variant="light"
                      onClick={() => setControlIds([...controlIds, c.id])}
                      aria-label={t('compliance.result.attachNamed', { name: `${c.code} ${c.name}` })}
                    >
                      {t('compliance.result.attach')}
                    </Button>
                  </Group>
                ))}
              {s.evidence
                .filter((e) => !evidenceIds.includes(e.id))
                .map((e) => (
                  <Group key={`e-${e.id}`} gap="xs">
                    <Badge variant="outline">
                      {t('compliance.result.via', { ref: e.via.ref, framework: e.via.frameworkKey })}
                    </Badge>
                    <Text size="sm">{e.title}</Text>
                    <Button
                      size="compact-xs"
                      variant="light"
                      onClick={() => setEvidenceIds([...evidenceIds, e.id])}
                      aria-label={t('compliance.result.attachNamed', { name: e.title })}
                    >
                      {t('compliance.result.attach')}
                    </Button>
                  </Group>
                ))}
            </Stack>
          ) : null}
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
