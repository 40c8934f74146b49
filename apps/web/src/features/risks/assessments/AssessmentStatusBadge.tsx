import type { RiskAssessmentStatus } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../components/StatusBadge.js';

const TONE = { draft: 'neutral', in_progress: 'success', completed: 'success' } as const;

export function AssessmentStatusBadge({ status }: { status: RiskAssessmentStatus }) {
  const { t } = useTranslation();
  return <StatusBadge tone={TONE[status]}>{t(`risks.assessment.statuses.${status}`)}</StatusBadge>;
}
