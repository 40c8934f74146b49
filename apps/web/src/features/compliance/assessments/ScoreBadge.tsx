import { Badge } from '@mantine/core';
import type { ComplianceScoreView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';

/**
 * A score as a percentage (not applicable results left out); "no score" when nothing applies. Outlined
 * shade 9 for contrast (as StatusBadge); orange 9 text is too light, so the middle band keeps the text colour.
 */
export function ScoreBadge({ score }: { score: ComplianceScoreView }) {
  const { t } = useTranslation();
  if (score.score === null)
    return (
      <Badge variant="outline" color="gray.9" miw="max-content">
        {t('compliance.assessments.noScore')}
      </Badge>
    );
  const pct = Math.round(score.score * 100);
  const color = pct >= 80 ? 'teal.9' : pct >= 50 ? 'orange.9' : 'red.9';
  return (
    <Badge
      variant="outline"
      color={color}
      c={pct >= 50 && pct < 80 ? 'var(--mantine-color-text)' : undefined}
      miw="max-content"
    >
      {t('compliance.assessments.scoreValue', { value: pct })}
    </Badge>
  );
}
