import { Badge } from '@mantine/core';
import type { ObligationTaskView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/StatusBadge.js';

/** A task's state as a person sees it: overdue, open, done or cancelled. */
export function TaskBadge({ task }: { task: Pick<ObligationTaskView, 'status' | 'overdue'> }) {
  const { t } = useTranslation();
  if (task.overdue)
    return (
      <Badge color="red" variant="filled">
        {t('obligations.status.overdue')}
      </Badge>
    );
  if (task.status === 'done') return <StatusBadge tone="success">{t('obligations.status.done')}</StatusBadge>;
  const color = task.status === 'cancelled' ? 'gray' : 'blue';
  return (
    <Badge color={color} variant="light">
      {t(`obligations.status.${task.status}`)}
    </Badge>
  );
}
