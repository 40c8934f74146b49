import { Fieldset, Group, Select, SimpleGrid, Slider, Stack, Text } from '@mantine/core';
import {
  OWASP_BUSINESS_IMPACT_FACTORS,
  OWASP_FACTOR_LABELS,
  OWASP_LIKELIHOOD_FACTORS,
  OWASP_TECHNICAL_IMPACT_FACTORS,
  type OwaspFactors,
  type RiskMethodologyDefinition,
  type RiskRatingInput,
} from '@vigil/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LevelBadge } from '../components/LevelBadge.js';
import {
  CVSS_METRIC_ORDER,
  CVSS_METRICS,
  type CvssVector,
  cvssVectorString,
  DEFAULT_CVSS_VECTOR,
  parseCvssVector,
} from '../cvss.js';
import { useBilingual, useScaleDescription } from '../labels.js';
import { DEFAULT_OWASP_FACTORS } from '../owasp.js';
import { previewRating } from '../rating.js';

/** A starting rating of the methodology's kind: the lowest cell, a zero CVSS vector, all OWASP factors 0. */
export function blankRating(definition: RiskMethodologyDefinition): RiskRatingInput {
  if (definition.type === 'matrix') return { kind: 'matrix', likelihood: 1, impact: 1 };
  if (definition.type === 'cvss') return { kind: 'cvss', vector: cvssVectorString(DEFAULT_CVSS_VECTOR) };
  return { kind: 'owasp', factors: { ...DEFAULT_OWASP_FACTORS } };
}

interface RatingInputProps {
  /** Names the group of fields, e.g. "Inherent rating". */
  legend: string;
  /** Names the computed level, e.g. "Inherent level". */
  levelLabel: string;
  definition: RiskMethodologyDefinition;
  value: RiskRatingInput;
  onChange: (value: RiskRatingInput) => void;
}

/**
 * Rates a risk the way the methodology says: likelihood and impact on its scales (matrix), a CVSS v3.1
 * vector built metric by metric, or the 16 OWASP factors; the resulting level is shown as it changes.
 */
export function RatingInput({ legend, levelLabel, definition, value, onChange }: RatingInputProps) {
  const { t } = useTranslation();
  const preview = previewRating(definition, value);
  const statusId = useId();
  return (
    <Fieldset legend={legend}>
      <Stack gap="sm">
        {definition.type === 'matrix' && value.kind === 'matrix' ? (
          <MatrixFields definition={definition} value={value} onChange={onChange} />
        ) : null}
        {definition.type === 'cvss' && value.kind === 'cvss' ? (
          <CvssFields vector={value.vector} onChange={(vector) => onChange({ kind: 'cvss', vector })} />
        ) : null}
        {definition.type === 'owasp' && value.kind === 'owasp' ? (
          <OwaspFields factors={value.factors} onChange={(factors) => onChange({ kind: 'owasp', factors })} />
        ) : null}
        {value.kind !== definition.type ? (
          <Text size="sm" c="red.9">
            {t('risks.rating.mismatch')}
          </Text>
        ) : null}
        <Group gap="xs" id={statusId} role="status">
          <Text size="sm" fw={500}>
            {levelLabel}:
          </Text>
          <LevelBadge level={preview?.level} />
          {preview?.score != null ? (
            <Text size="sm">{t('risks.rating.cvssScore', { score: preview.score.toFixed(1) })}</Text>
          ) : null}
          {preview?.likelihoodScore != null && preview.impactScore != null ? (
            <Text size="sm">
              {t('risks.rating.owaspScores', {
                likelihood: preview.likelihoodScore.toFixed(2),
                impact: preview.impactScore.toFixed(2),
              })}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Fieldset>
  );
}

function MatrixFields({
  definition,
  value,
  onChange,
}: {
  definition: Extract<RiskMethodologyDefinition, { type: 'matrix' }>;
  value: Extract<RiskRatingInput, { kind: 'matrix' }>;
  onChange: (value: RiskRatingInput) => void;
}) {
  const { t } = useTranslation();
  const text = useBilingual();
  const describe = useScaleDescription();
  const options = (scale: typeof definition.likelihood) =>
    scale.map((level) => ({ value: String(level.value), label: `${level.value}. ${text(level)}` }));
  const chosen = (scale: typeof definition.likelihood, v: number) => scale.find((l) => l.value === v);
  const likelihood = chosen(definition.likelihood, value.likelihood);
  const impact = chosen(definition.impact, value.impact);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Select
        label={t('risks.rating.likelihood')}
        data={options(definition.likelihood)}
        value={String(value.likelihood)}
        onChange={(v) => onChange({ ...value, likelihood: Number(v ?? 1) })}
        description={likelihood ? describe(likelihood) : undefined}
        allowDeselect={false}
      />
      <Select
        label={t('risks.rating.impact')}
        data={options(definition.impact)}
        value={String(value.impact)}
        onChange={(v) => onChange({ ...value, impact: Number(v ?? 1) })}
        description={impact ? describe(impact) : undefined}
        allowDeselect={false}
      />
    </SimpleGrid>
  );
}

function CvssFields({ vector, onChange }: { vector: string; onChange: (vector: string) => void }) {
  const { t } = useTranslation();
  const parsed =
    parseCvssVector(vector.startsWith('CVSS:') ? vector : `CVSS:3.1/${vector}`) ?? DEFAULT_CVSS_VECTOR;
  const names: Record<string, Record<string, string>> = t('risks.cvss.values', { returnObjects: true });
  const set = <M extends keyof CvssVector>(metric: M, v: string | null) => {
    const value = CVSS_METRICS[metric].find((x) => x === v);
    if (value) onChange(cvssVectorString({ ...parsed, [metric]: value }));
  };
  return (
    <>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {CVSS_METRIC_ORDER.map((metric) => (
          <Select
            key={metric}
            label={t(`risks.cvss.metrics.${metric}`)}
            data={CVSS_METRICS[metric].map((v) => ({ value: v, label: names[metric]?.[v] ?? v }))}
            value={parsed[metric]}
            onChange={(v) => set(metric, v)}
            allowDeselect={false}
          />
        ))}
      </SimpleGrid>
      <Text size="sm" ff="monospace">
        {t('risks.cvss.vector')}: {cvssVectorString(parsed)}
      </Text>
    </>
  );
}

function OwaspFields({ factors, onChange }: { factors: OwaspFactors; onChange: (f: OwaspFactors) => void }) {
  const { t } = useTranslation();
  const text = useBilingual();
  const groups = [
    ['likelihood', OWASP_LIKELIHOOD_FACTORS],
    ['technicalImpact', OWASP_TECHNICAL_IMPACT_FACTORS],
    ['businessImpact', OWASP_BUSINESS_IMPACT_FACTORS],
  ] as const;
  return (
    <>
      {groups.map(([group, names]) => (
        <Stack key={group} gap={4}>
          <Text size="sm" fw={600}>
            {t(`risks.owasp.${group}`)}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            {names.map((name) => {
              const label = text(OWASP_FACTOR_LABELS[name]);
              return (
                <Stack key={name} gap={2}>
                  <Text size="xs">
                    {label}: {factors[name]}
                  </Text>
                  <Slider
                    min={0}
                    max={9}
                    step={1}
                    value={factors[name]}
                    onChange={(v) => onChange({ ...factors, [name]: v })}
                    thumbLabel={label}
                    label={null}
                  />
                </Stack>
              );
            })}
          </SimpleGrid>
        </Stack>
      ))}
    </>
  );
}
