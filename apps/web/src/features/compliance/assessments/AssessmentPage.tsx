import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ComplianceResultView, complianceAssessmentDetail } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../api/client.js';
import { usePermissions } from '../../../api/session.js';
import { DataTable } from '../../../components/DataTable.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageHeading } from '../../../components/PageHeading.js';
import { assessmentPath, complianceKey, useAssessment, useGaps } from '../api.js';
import { EvidenceStatusBadge } from '../evidence/EvidenceStatusBadge.js';
import { ResultModal } from './ResultModal.js';
import { ScoreBadge } from './ScoreBadge.js';

const STATUS_COLORS: Record<string, string> = {
  compliant: 'green',
  partial: 'yellow',
  non_compliant: 'red',
  not_applicable: 'gray',
  not_assessed: 'blue',
};

/** One assessment: requirements grouped by section with scores, the gap list, and completion. */
export function AssessmentPage() {
  const { t, i18n } = useTranslation();
  const zh = (i18n.resolvedLanguage ?? i18n.language) === 'zh-TW';
  const can = usePermissions();
  const { assessmentId } = useParams();
  const queryClient = useQueryClient();
  const detail = useAssessment(assessmentId);
  const gaps = useGaps(assessmentId);
  const [editing, setEditing] = useState<ComplianceResultView | null>(null);
  const complete = useMutation({
    mutationFn: () => api.post(`${assessmentPath(assessmentId)}/complete`, complianceAssessmentDetail),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: complianceKey }),
  });
  const a = detail.data;
  const editable = !!a && a.status === 'in_progress' && can('compliance.manage');
  const columns = [
    t('compliance.result.ref'),
    t('compliance.result.requirement'),
    t('compliance.result.status'),
    t('compliance.result.evidence'),
    t('compliance.result.controls'),
  ];

  return (
    <>
      <PageHeading title={a?.title ?? t('compliance.assessments.title')}>
        <Anchor component={Link} to="/compliance/assessments">
          {t('compliance.assessments.back')}
        </Anchor>
        {editable ? (
          <Button onClick={() => complete.mutate()} loading={complete.isPending}>
            {t('compliance.assessments.complete')}
          </Button>
        ) : null}
      </PageHeading>
      <ErrorAlert error={detail.error ?? complete.error} />
      {a ? (
        <Stack>
          <Card withBorder>
            <Group gap="md">
              <Text size="sm">
                {zh ? a.framework.nameZh : a.framework.nameEn} {a.version.version}
              </Text>
              <Text size="sm">
                {a.asset
                  ? `${a.asset.code} ${a.asset.name}`
                  : t('compliance.assessments.scopes.organisation')}
                {a.protectionLevel ? ` · ${t(`compliance.levels.${a.protectionLevel}`)}` : ''}
              </Text>
              <Badge variant="light">{t(`compliance.assessments.statuses.${a.status}`)}</Badge>
              <Group gap={4}>
                <Text size="sm">{t('compliance.assessments.score')}</Text>
                <ScoreBadge score={a.score} />
              </Group>
            </Group>
          </Card>

          <section aria-labelledby="gaps-heading">
            <Title order={2} size="h4" id="gaps-heading" mb="xs">
              {t('compliance.assessments.gaps')}
            </Title>
            {gaps.data?.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('compliance.assessments.gapsNone')}
              </Text>
            ) : (
              <DataTable
                minWidth={640}
                caption={t('compliance.assessments.gapsCaption', { count: gaps.data?.items.length ?? 0 })}
                columns={[
                  t('compliance.result.ref'),
                  t('compliance.result.requirement'),
                  t('compliance.result.status'),
                  t('compliance.result.gapOwner'),
                  t('compliance.result.gapDue'),
                ]}
              >
                {gaps.data?.items.map((g) => (
                  <Table.Tr key={g.resultId}>
                    <Table.Td>{g.ref}</Table.Td>
                    <Table.Td>{zh ? g.titleZh : g.titleEn}</Table.Td>
                    <Table.Td>{t(`compliance.result.statuses.${g.status}`)}</Table.Td>
                    <Table.Td>{g.owner?.displayName ?? '—'}</Table.Td>
                    <Table.Td>
                      {g.dueOn ?? '—'}{' '}
                      {g.overdue ? (
                        <Badge color="red" size="sm">
                          {t('compliance.assessments.overdue')}
                        </Badge>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            )}
          </section>

          {a.sections.map((s) => (
            <section key={s.ref || 'none'} aria-labelledby={`section-${s.ref || 'none'}`}>
              <Group justify="space-between" mb="xs">
                <Title order={2} size="h4" id={`section-${s.ref || 'none'}`}>
                  {s.ref ? `${s.ref} ${zh ? s.titleZh : s.titleEn}` : t('compliance.result.noSection')}
                </Title>
                <ScoreBadge score={s.score} />
              </Group>
              <DataTable
                minWidth={800}
                caption={t('compliance.result.caption', { count: s.results.length })}
                columns={columns}
                withActions={editable}
              >
                {s.results.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{r.ref}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{zh ? r.titleZh : r.titleEn}</Text>
                      {r.reason ? (
                        <Text size="xs" c="dimmed">
                          {r.automatic ? t('compliance.result.notRequired') : r.reason}
                        </Text>
                      ) : null}
                      {r.suggestions.controls.length + r.suggestions.evidence.length > 0 ? (
                        <Text size="xs" c="teal">
                          {t('compliance.result.suggestionCount', {
                            count: r.suggestions.controls.length + r.suggestions.evidence.length,
                          })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLORS[r.status]} variant="light">
                        {t(`compliance.result.statuses.${r.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        {r.evidence.map((e) => (
                          <Group key={e.id} gap={4} wrap="nowrap">
                            <Anchor component={Link} to={`/compliance/evidence/${e.id}`} size="sm">
                              {e.title}
                            </Anchor>
                            {e.status === 'expiring' || e.status === 'expired' ? (
                              <EvidenceStatusBadge status={e.status} />
                            ) : null}
                          </Group>
                        ))}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.controls.map((c) => c.code).join(', ')}</Text>
                    </Table.Td>
                    {editable ? (
                      <Table.Td>
                        {r.automatic ? null : (
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setEditing(r)}
                            aria-label={t('compliance.editNamed', { name: r.ref })}
                          >
                            {t('compliance.edit')}
                          </Button>
                        )}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </DataTable>
            </section>
          ))}
        </Stack>
      ) : null}
      {editing ? <ResultModal result={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
