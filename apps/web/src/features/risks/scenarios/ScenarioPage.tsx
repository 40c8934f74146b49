import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Title } from '@mantine/core';
import { riskScenarioDetail, type TreatmentItemView } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../api/client.js';
import { useActiveSession, usePermissions } from '../../../api/session.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageHeading } from '../../../components/PageHeading.js';
import { StatusBadge } from '../../../components/StatusBadge.js';
import { useFormatDateTime } from '../../../lib/useDateTime.js';
import { scenarioPath, useCurrentMethodology, useMethodology, useScenario } from '../api.js';
import { Field } from '../components/Field.js';
import { LevelBadge } from '../components/LevelBadge.js';
import { Notice } from '../components/Notice.js';
import { ReasonModal } from '../components/ReasonModal.js';
import { TreatmentItemsTable } from '../components/TreatmentItemsTable.js';
import { useCatalogueName } from '../labels.js';
import { AcceptanceSection } from './AcceptanceSection.js';
import { RatingModal } from './RatingModal.js';
import { ScenarioFormModal } from './ScenarioFormModal.js';
import { TreatmentItemModal } from './TreatmentItemModal.js';

type Dialog =
  | { kind: 'edit' }
  | { kind: 'rerate' }
  | { kind: 'reassess' }
  | { kind: 'close' }
  | { kind: 'item'; item: TreatmentItemView | null };

/** One risk: its analysis, ratings, treatment plan, re-rating, acceptance and re-assessment. */
export function ScenarioPage() {
  const { scenarioId = '' } = useParams();
  const { t } = useTranslation();
  const can = usePermissions();
  const session = useActiveSession();
  const name = useCatalogueName();
  const formatDateTime = useFormatDateTime();
  const scenario = useScenario(scenarioId);
  const methodology = useMethodology(scenario.data?.methodology.id);
  const current = useCurrentMethodology(can('risks.read') || can('risks.methodology'));
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [reopenError, setReopenError] = useState<unknown>(null);

  if (scenario.error) return <ErrorAlert error={scenario.error} />;
  const risk = scenario.data;
  if (!risk) return null;
  const canManage = can('risks.manage');
  const ownsRisk = risk.owner?.id === session.user.id;
  const canTreat = canManage || (can('risks.treat') && ownsRisk);
  const assessmentOpen = risk.assessment.status !== 'completed';
  const close = () => setDialog(null);
  const reopen = async () => {
    setReopenError(null);
    try {
      await api.post(`${scenarioPath(risk.id)}/reopen`, riskScenarioDetail);
      await scenario.refetch();
    } catch (error) {
      setReopenError(error);
    }
  };

  return (
    <Stack gap="lg">
      <PageHeading title={`${risk.code} ${risk.title}`}>
        <StatusBadge tone={risk.status === 'closed' ? 'neutral' : 'success'}>
          {t(`risks.statuses.${risk.status}`)}
        </StatusBadge>
        {risk.overdue ? <StatusBadge tone="danger">{t('risks.overdue')}</StatusBadge> : null}
        {canManage && methodology.data ? (
          <Button variant="default" onClick={() => setDialog({ kind: 'edit' })}>
            {t('risks.scenario.edit')}
          </Button>
        ) : null}
        {canManage && risk.status !== 'closed' ? (
          <Button variant="default" onClick={() => setDialog({ kind: 'close' })}>
            {t('risks.scenario.close')}
          </Button>
        ) : null}
        {canManage && risk.status === 'closed' ? (
          <Button variant="default" onClick={reopen}>
            {t('risks.scenario.reopen')}
          </Button>
        ) : null}
      </PageHeading>
      <ErrorAlert error={reopenError} />

      {risk.methodologyOutdated ? (
        <Notice tone="warning" title={t('risks.scenario.outdatedTitle')}>
          <Group justify="space-between" wrap="wrap">
            {t('risks.scenario.outdated', {
              version: risk.methodology.version,
              current: current.data?.version ?? '—',
            })}
            {canManage && current.data ? (
              <Button size="xs" onClick={() => setDialog({ kind: 'reassess' })}>
                {t('risks.scenario.reassess')}
              </Button>
            ) : null}
          </Group>
        </Notice>
      ) : null}

      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <Field label={t('risks.fields.assessment')}>
            {can('risks.read') ? (
              <Anchor component={Link} to={`/risks/assessments/${risk.assessment.id}`}>
                {risk.assessment.title}
              </Anchor>
            ) : (
              risk.assessment.title
            )}
          </Field>
          <Field label={t('risks.assessment.methodology')}>
            {t('risks.methodology.versionName', {
              version: risk.methodology.version,
              name: risk.methodology.name,
            })}
          </Field>
          <Field label={t('risks.fields.assets')}>
            {risk.assets.map((a) => `${a.code} ${a.name}`).join(t('common.listSeparator'))}
          </Field>
          <Field label={t('risks.fields.owner')}>{risk.owner?.displayName ?? '—'}</Field>
          <Field label={t('risks.fields.threat')}>
            {risk.threat ? `${risk.threat.code} ${name(risk.threat)}` : '—'}
          </Field>
          <Field label={t('risks.fields.vulnerability')}>
            {risk.vulnerability ? `${risk.vulnerability.code} ${name(risk.vulnerability)}` : '—'}
          </Field>
          <Field label={t('risks.fields.description')}>{risk.description || '—'}</Field>
          <Field label={t('risks.fields.existingControls')}>{risk.existingControls || '—'}</Field>
          <Field label={t('risks.fields.treatmentOption')}>
            {risk.treatmentOption ? t(`risks.treatmentOptions.${risk.treatmentOption}`) : '—'}
          </Field>
          <Field label={t('risks.fields.plannedControls')}>{risk.plannedControls || '—'}</Field>
        </SimpleGrid>
      </Paper>

      <section aria-labelledby="ratings-heading">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="ratings-heading">
            {t('risks.scenario.ratings')}
          </Title>
          {canTreat &&
          methodology.data &&
          !risk.methodologyOutdated &&
          risk.status !== 'accepted' &&
          risk.status !== 'closed' ? (
            <Button variant="default" onClick={() => setDialog({ kind: 'rerate' })}>
              {t('risks.scenario.rerate')}
            </Button>
          ) : null}
        </Group>
        <Table withTableBorder>
          <Table.Caption>{t('risks.scenario.ratingsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('risks.fields.inherent')}</Table.Th>
              <Table.Th scope="col">{t('risks.fields.target')}</Table.Th>
              <Table.Th scope="col">{t('risks.fields.actual')}</Table.Th>
              <Table.Th scope="col">{t('risks.scenario.effectiveness')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>
                <LevelBadge level={risk.inherent.level} />
              </Table.Td>
              <Table.Td>
                <LevelBadge level={risk.target?.level} />
              </Table.Td>
              <Table.Td>
                <LevelBadge level={risk.actual?.level} />
              </Table.Td>
              <Table.Td>
                {risk.effectiveness ? (
                  <StatusBadge tone={risk.effectiveness === 'met' ? 'success' : 'danger'}>
                    {t(`risks.scenario.effectivenessValues.${risk.effectiveness}`)}
                  </StatusBadge>
                ) : (
                  '—'
                )}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        {risk.reratedAt ? (
          <Field label={t('risks.scenario.reratedBy')}>
            {risk.reratedBy?.displayName ?? '—'} · {formatDateTime(risk.reratedAt)}
            {risk.rerateNote ? ` — ${risk.rerateNote}` : ''}
          </Field>
        ) : null}
      </section>

      <section aria-labelledby="treatment-heading">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="treatment-heading">
            {t('risks.treatment.planTitle')}
          </Title>
          {canTreat ? (
            <Button variant="default" onClick={() => setDialog({ kind: 'item', item: null })}>
              {t('risks.treatment.add')}
            </Button>
          ) : null}
        </Group>
        <TreatmentItemsTable
          caption={t('risks.treatment.caption', { count: risk.treatmentItems.length })}
          items={risk.treatmentItems}
          canEdit={(item) => canTreat || (can('risks.treat') && item.owner?.id === session.user.id)}
          onEdit={(item) => setDialog({ kind: 'item', item })}
        />
      </section>

      <section aria-labelledby="acceptance-heading">
        <Title order={2} size="h4" id="acceptance-heading" mb="sm">
          {t('risks.acceptance.title')}
        </Title>
        <AcceptanceSection risk={risk} />
      </section>

      {risk.reassessments.length > 0 ? (
        <section aria-labelledby="reassess-heading">
          <Title order={2} size="h4" id="reassess-heading" mb="sm">
            {t('risks.scenario.reassessments')}
          </Title>
          <Table striped withTableBorder>
            <Table.Caption>{t('risks.scenario.reassessmentsCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('risks.scenario.when')}</Table.Th>
                <Table.Th scope="col">{t('risks.scenario.fromTo')}</Table.Th>
                <Table.Th scope="col">{t('risks.scenario.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {risk.reassessments.map((r) => (
                <Table.Tr key={`${r.at}-${r.toMethodology.id}`}>
                  <Table.Td>
                    {r.by?.displayName ?? '—'} · {formatDateTime(r.at)}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      v{r.fromMethodology.version} <LevelBadge level={r.fromLevel} /> → v
                      {r.toMethodology.version} <LevelBadge level={r.toLevel} />
                    </Group>
                  </Table.Td>
                  <Table.Td>{r.note || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      ) : null}

      {dialog?.kind === 'edit' && methodology.data ? (
        <ScenarioFormModal
          assessmentId={risk.assessment.id}
          definition={methodology.data.definition}
          scenario={risk}
          inherentEditable={assessmentOpen && !risk.methodologyOutdated}
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'rerate' && methodology.data ? (
        <RatingModal
          scenarioId={risk.id}
          mode="rerate"
          definition={methodology.data.definition}
          initial={risk.actual?.input ?? risk.target?.input ?? risk.inherent.input}
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'reassess' && current.data ? (
        <RatingModal
          scenarioId={risk.id}
          mode="reassess"
          definition={current.data.definition}
          initial={risk.inherent.input}
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'close' ? (
        <ReasonModal
          title={t('risks.scenario.closeTitle')}
          submitLabel={t('risks.scenario.close')}
          send={(reason) => api.post(`${scenarioPath(risk.id)}/close`, riskScenarioDetail, { reason })}
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'item' ? (
        <TreatmentItemModal
          scenarioId={risk.id}
          item={dialog.item}
          statusOnly={!canManage && dialog.item !== null}
          onClose={close}
        />
      ) : null}
    </Stack>
  );
}
