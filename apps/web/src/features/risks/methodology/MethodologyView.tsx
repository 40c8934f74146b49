import { Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { RiskMethodologyDefinition, RiskScaleLevel } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { HeatMap } from '../components/HeatMap.js';
import { LevelBadge } from '../components/LevelBadge.js';
import { useBilingual, useScaleDescription } from '../labels.js';
import { levelByKey, matrixLevelKey } from '../rating.js';
import { useAcceptanceText } from './useAcceptanceText.js';

/** A methodology version read-only: scales, levels, matrix and acceptance criteria. */
export function MethodologyView({ definition }: { definition: RiskMethodologyDefinition }) {
  const { t } = useTranslation();
  const text = useBilingual();
  const acceptance = useAcceptanceText(definition);
  return (
    <Stack gap="md">
      <Text size="sm">
        {t('risks.methodology.type')}: {t(`risks.methodology.types.${definition.type}`)}
        {definition.type === 'owasp'
          ? ` · ${t(`risks.methodology.impactBasis.${definition.impactBasis}`)}`
          : ''}
      </Text>
      {definition.type === 'matrix' ? (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <ScaleTable title={t('risks.rating.likelihood')} scale={definition.likelihood} />
            <ScaleTable title={t('risks.rating.impact')} scale={definition.impact} />
          </SimpleGrid>
          <HeatMap
            title={t('risks.methodology.matrix')}
            likelihood={definition.likelihood.map((l) => ({ value: l.value, label: text(l) }))}
            impact={definition.impact.map((l) => ({ value: l.value, label: text(l) }))}
            levelAt={(l, i) => {
              const level = levelByKey(definition, matrixLevelKey(definition, l, i));
              return level ? { label: text(level), color: level.color } : null;
            }}
          />
        </>
      ) : null}
      <Paper withBorder p="sm">
        <Title order={3} size="h5" mb="xs">
          {t('risks.methodology.levels')}
        </Title>
        <Group gap="xs">
          {definition.levels.map((level) => (
            <LevelBadge key={level.key} level={level} />
          ))}
        </Group>
      </Paper>
      <Paper withBorder p="sm">
        <Title order={3} size="h5" mb="xs">
          {t('risks.methodology.acceptance')}
        </Title>
        <Stack gap={4}>
          {acceptance.map((line) => (
            <Text size="sm" key={line}>
              {line}
            </Text>
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}

function ScaleTable({ title, scale }: { title: string; scale: readonly RiskScaleLevel[] }) {
  const { t } = useTranslation();
  const text = useBilingual();
  const describe = useScaleDescription();
  return (
    <Table withTableBorder striped>
      <Table.Caption>{title}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('risks.methodology.value')}</Table.Th>
          <Table.Th scope="col">{t('risks.methodology.label')}</Table.Th>
          <Table.Th scope="col">{t('risks.methodology.description')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {scale.map((level) => (
          <Table.Tr key={level.value}>
            <Table.Th scope="row">{level.value}</Table.Th>
            <Table.Td>{text(level)}</Table.Td>
            <Table.Td>{describe(level) || '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
