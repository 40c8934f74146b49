import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { ComplianceResultView, ComplianceSectionView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable.js';
import { EvidenceStatusBadge } from '../evidence/EvidenceStatusBadge.js';
import { ResultStatusBadge } from './ResultStatusBadge.js';
import { ScoreBadge } from './ScoreBadge.js';

/** One section of an assessment: its score and a row per requirement with result, evidence and controls. */
export function ResultSection({
  section: s,
  editable,
  onEdit,
}: {
  section: ComplianceSectionView;
  editable: boolean;
  onEdit: (r: ComplianceResultView) => void;
}) {
  const { t, i18n } = useTranslation();
  const zh = (i18n.resolvedLanguage ?? i18n.language) === 'zh-TW';
  const id = `section-${(s.ref || 'none').replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <section aria-labelledby={id}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id={id}>
          {s.ref ? `${s.ref} ${zh ? s.titleZh : s.titleEn}` : t('compliance.result.noSection')}
        </Title>
        <Group gap={4}>
          <Text size="sm">{t('compliance.assessments.sectionScore')}</Text>
          <ScoreBadge score={s.score} />
        </Group>
      </Group>
      <DataTable
        minWidth={800}
        caption={t('compliance.result.caption', { count: s.results.length })}
        columns={[
          t('compliance.result.ref'),
          t('compliance.result.requirement'),
          t('compliance.result.status'),
          t('compliance.result.evidence'),
          t('compliance.result.controls'),
        ]}
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
              {r.gapOwner ? (
                <Text size="xs">{t('compliance.result.gapOwnedBy', { name: r.gapOwner.displayName })}</Text>
              ) : null}
              {editable && r.suggestions.controls.length + r.suggestions.evidence.length > 0 ? (
                <Text size="xs" c="teal.9">
                  {t('compliance.result.suggestionCount', {
                    count: r.suggestions.controls.length + r.suggestions.evidence.length,
                  })}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>
              <ResultStatusBadge status={r.status} />
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
                    onClick={() => onEdit(r)}
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
  );
}
