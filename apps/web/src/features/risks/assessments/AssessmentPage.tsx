import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ok, riskAssessmentResponse } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../../api/client.js';
import { usePermissions } from '../../../api/session.js';
import { ConfirmModal } from '../../../components/ConfirmModal.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageHeading } from '../../../components/PageHeading.js';
import { useFormatDateTime } from '../../../lib/useDateTime.js';
import { assessmentPath, risksKey, useAssessment, useMethodology, useRegister } from '../api.js';
import { Field } from '../components/Field.js';
import { RiskTable } from '../components/RiskTable.js';
import { ScenarioFormModal } from '../scenarios/ScenarioFormModal.js';
import { AssessmentFormModal } from './AssessmentFormModal.js';
import { AssessmentHeatMaps } from './AssessmentHeatMaps.js';
import { AssessmentStatusBadge } from './AssessmentStatusBadge.js';
import { ReportLinks } from './ReportLinks.js';

type Action = 'start' | 'complete' | 'delete';

/** One assessment: scope, pinned methodology, status actions, heat maps, scenarios and the report. */
export function AssessmentPage() {
  const { assessmentId = '' } = useParams();
  const { t } = useTranslation();
  const can = usePermissions();
  const canManage = can('risks.manage');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const formatDateTime = useFormatDateTime();
  const assessment = useAssessment(assessmentId);
  const methodology = useMethodology(assessment.data?.methodology.id);
  const scenarios = useRegister({ assessmentId, limit: 500, sort: 'code' });
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [confirming, setConfirming] = useState<Action | null>(null);

  const act = useMutation({
    mutationFn: async (action: Action): Promise<void> => {
      if (action === 'delete') await api.delete(assessmentPath(assessmentId), ok);
      else await api.post(`${assessmentPath(assessmentId)}/${action}`, riskAssessmentResponse);
    },
    onSuccess: async (_r, action) => {
      setConfirming(null);
      await queryClient.invalidateQueries({ queryKey: risksKey });
      if (action === 'delete') await navigate('/risks/assessments');
    },
  });

  if (assessment.error) return <ErrorAlert error={assessment.error} />;
  const a = assessment.data;
  if (!a) return null;
  const open = a.status !== 'completed';

  return (
    <Stack gap="lg">
      <PageHeading title={a.title}>
        <AssessmentStatusBadge status={a.status} />
        {canManage && open ? (
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('risks.assessments.edit')}
          </Button>
        ) : null}
        {canManage && a.status === 'draft' ? (
          <Button onClick={() => setConfirming('start')}>{t('risks.assessments.start')}</Button>
        ) : null}
        {canManage && a.status === 'in_progress' ? (
          <Button onClick={() => setConfirming('complete')}>{t('risks.assessments.complete')}</Button>
        ) : null}
        {canManage && a.status === 'draft' ? (
          <Button color="red.9" variant="outline" onClick={() => setConfirming('delete')}>
            {t('common.delete')}
          </Button>
        ) : null}
      </PageHeading>
      <ErrorAlert error={act.error} />

      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
          <Field label={t('risks.assessment.methodology')}>
            <Anchor component={Link} to={`/risks/methodology?version=${a.methodology.id}`}>
              {t('risks.methodology.versionName', {
                version: a.methodology.version,
                name: a.methodology.name,
              })}
            </Anchor>{' '}
            ({t(`risks.methodology.types.${a.methodology.type}`)})
          </Field>
          <Field label={t('risks.assessment.period')}>
            {a.startsOn || a.endsOn ? `${a.startsOn ?? '—'} – ${a.endsOn ?? '—'}` : '—'}
          </Field>
          <Field label={t('risks.assessment.scopeUnits')}>
            {a.scopeUnits.map((u) => u.name).join(t('common.listSeparator')) || '—'}
          </Field>
          <Field label={t('risks.assessment.scopeAssets')}>
            {a.scopeAssets.map((s) => `${s.code} ${s.name}`).join(t('common.listSeparator')) || '—'}
          </Field>
          <Field label={t('risks.assessment.createdBy')}>
            {a.createdBy?.displayName ?? '—'} · {formatDateTime(a.createdAt)}
          </Field>
          <Field label={t('risks.assessment.completedAt')}>
            {a.completedAt ? `${a.completedBy?.displayName ?? '—'} · ${formatDateTime(a.completedAt)}` : '—'}
          </Field>
          {a.copiedFrom ? (
            <Field label={t('risks.assessment.copiedFrom')}>
              <Anchor component={Link} to={`/risks/assessments/${a.copiedFrom.id}`}>
                {a.copiedFrom.title}
              </Anchor>
            </Field>
          ) : null}
          <Field label={t('risks.assessment.unacceptable')}>{a.counts.unacceptable}</Field>
        </SimpleGrid>
        {a.description ? (
          <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {a.description}
          </Text>
        ) : null}
      </Paper>

      <section aria-labelledby="report-heading">
        <Title order={2} size="h4" id="report-heading" mb="sm">
          {t('risks.report.title')}
        </Title>
        <ReportLinks assessmentId={a.id} />
      </section>

      <section aria-labelledby="heatmap-heading">
        <Title order={2} size="h4" id="heatmap-heading" mb="sm">
          {t('risks.heatmap.title')}
        </Title>
        <AssessmentHeatMaps assessmentId={a.id} />
      </section>

      <section aria-labelledby="scenarios-heading">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="scenarios-heading">
            {t('risks.assessment.scenarioList')}
          </Title>
          {canManage && open && methodology.data ? (
            <Button onClick={() => setAdding(true)}>{t('risks.scenario.add')}</Button>
          ) : null}
        </Group>
        <ErrorAlert error={scenarios.error} />
        <RiskTable
          caption={t('risks.assessment.scenarioCaption', { count: scenarios.data?.total ?? 0 })}
          items={scenarios.data?.items}
          busy={scenarios.isFetching}
        />
      </section>

      {editing ? <AssessmentFormModal assessment={a} onClose={() => setEditing(false)} /> : null}
      {adding && methodology.data ? (
        <ScenarioFormModal
          assessmentId={a.id}
          definition={methodology.data.definition}
          scenario={null}
          inherentEditable
          onClose={() => setAdding(false)}
        />
      ) : null}
      <ConfirmModal
        opened={confirming !== null}
        title={confirming ? t(`risks.assessments.confirm.${confirming}.title`) : ''}
        message={confirming ? t(`risks.assessments.confirm.${confirming}.message`) : ''}
        confirmLabel={confirming ? t(`risks.assessments.confirm.${confirming}.button`) : ''}
        onConfirm={() => confirming && act.mutate(confirming)}
        onClose={() => {
          act.reset();
          setConfirming(null);
        }}
        loading={act.isPending}
        error={act.error}
        danger={confirming === 'delete'}
      />
    </Stack>
  );
}
