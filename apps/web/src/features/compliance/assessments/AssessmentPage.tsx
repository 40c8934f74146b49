import { Anchor, Button, Card, Group, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ComplianceResultView, complianceAssessmentDetail } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../api/client.js';
import { usePermissions } from '../../../api/session.js';
import { ConfirmModal } from '../../../components/ConfirmModal.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { LoadingScreen } from '../../../components/LoadingScreen.js';
import { PageHeading } from '../../../components/PageHeading.js';
import { StatusBadge } from '../../../components/StatusBadge.js';
import { assessmentPath, complianceKey, useAssessment } from '../api.js';
import { GapList } from './GapList.js';
import { ResultModal } from './ResultModal.js';
import { ResultSection } from './ResultSection.js';
import { ScoreBadge } from './ScoreBadge.js';

/** One assessment: the gap list, requirements grouped by section with scores, and completion. */
export function AssessmentPage() {
  const { t, i18n } = useTranslation();
  const zh = (i18n.resolvedLanguage ?? i18n.language) === 'zh-TW';
  const can = usePermissions();
  const { assessmentId } = useParams();
  const queryClient = useQueryClient();
  const detail = useAssessment(assessmentId);
  const [editing, setEditing] = useState<ComplianceResultView | null>(null);
  const [confirming, setConfirming] = useState(false);
  // A system's Schedule 10 assessment lists the measures of its protection level; the rest on request.
  const [showNotRequired, setShowNotRequired] = useState(false);
  const complete = useMutation({
    mutationFn: () => api.post(`${assessmentPath(assessmentId)}/complete`, complianceAssessmentDetail),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: complianceKey });
      setConfirming(false);
    },
  });
  const a = detail.data;
  if (detail.isPending) return <LoadingScreen />;
  if (!a) return <ErrorAlert error={detail.error} />;
  const editable = a.status === 'in_progress' && can('compliance.manage');
  const notRequired = a.sections.flatMap((s) => s.results).filter((r) => r.automatic).length;
  const level = a.protectionLevel ? t(`compliance.levels.${a.protectionLevel}`) : '';
  const sections = a.sections
    .map((s) => ({ ...s, results: s.results.filter((r) => showNotRequired || !r.automatic) }))
    .filter((s) => s.results.length > 0);

  return (
    <>
      <PageHeading title={a.title}>
        <Anchor component={Link} to="/compliance/assessments">
          {t('compliance.assessments.back')}
        </Anchor>
        {editable ? (
          <Button onClick={() => setConfirming(true)}>{t('compliance.assessments.complete')}</Button>
        ) : null}
      </PageHeading>
      <Stack>
        <Card withBorder>
          <Group gap="md">
            <Text size="sm">
              {zh ? a.framework.nameZh : a.framework.nameEn} {a.version.version}
            </Text>
            <Text size="sm">
              {a.asset ? `${a.asset.code} ${a.asset.name}` : t('compliance.assessments.scopes.organisation')}
              {level ? ` · ${level}` : ''}
            </Text>
            <StatusBadge tone={a.status === 'completed' ? 'success' : 'neutral'} miw="max-content">
              {t(`compliance.assessments.statuses.${a.status}`)}
            </StatusBadge>
            <Group gap={4}>
              <Text size="sm">{t('compliance.assessments.score')}</Text>
              <ScoreBadge score={a.score} />
            </Group>
          </Group>
          {a.completedAt ? (
            <Text size="sm" mt="xs">
              {t('compliance.assessments.completedBy', { name: a.completedBy?.displayName ?? '—' })}
            </Text>
          ) : null}
        </Card>
        {notRequired > 0 ? (
          <Group gap="md">
            <Text size="sm">
              {t('compliance.assessments.notRequiredHidden', { count: notRequired, level })}
            </Text>
            <Switch
              label={t('compliance.assessments.showNotRequired')}
              checked={showNotRequired}
              onChange={(e) => setShowNotRequired(e.currentTarget.checked)}
            />
          </Group>
        ) : null}
        <GapList assessmentId={assessmentId} />
        {sections.map((s) => (
          <ResultSection key={s.ref || 'none'} section={s} editable={editable} onEdit={setEditing} />
        ))}
      </Stack>
      {editing ? <ResultModal result={editing} onClose={() => setEditing(null)} /> : null}
      <ConfirmModal
        opened={confirming}
        title={t('compliance.assessments.completeTitle')}
        message={t('compliance.assessments.completeMessage', { title: a.title })}
        confirmLabel={t('compliance.assessments.complete')}
        loading={complete.isPending}
        error={complete.error}
        onConfirm={() => complete.mutate()}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}
