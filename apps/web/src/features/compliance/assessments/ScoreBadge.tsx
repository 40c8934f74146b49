import { Badge } from '@mantine/core';
import type { ComplianceScoreView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';

/** A score as a percentage (not applicable results left out); a dash when nothing applies. */
export function ScoreBadge({ score }: { score: ComplianceScoreView }) {
  const { t } = useTranslation();
  if (score.score === null)
    return (
      <Badge variant="light" color="gray">
        {t('compliance.assessments.noScore')}
      </Badge>
    );
  const pct = Math.round(score.score * 100);
  const color = pct >= 80 ? 'green' : pct >= 50 ? 'yellow' : 'red';
  return (
    <Badge variant="light" color={color}>
      {t('compliance.assessments.scoreValue', { value: pct })}
    </Badge>
  );
}
