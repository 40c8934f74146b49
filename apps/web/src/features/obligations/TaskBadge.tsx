import { Badge } from '@mantine/core';
import type { ObligationTaskView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';

/** A task's state as a person sees it: overdue, open, done or cancelled. */
export function TaskBadge({ task }: { task: Pick<ObligationTaskView, 'status' | 'overdue'> }) {
  const { t } = useTranslation();
  if (task.overdue)
    return (
      <Badge color="red" variant="filled">
        {t('obligations.status.overdue')}
      </Badge>
    );
  const color = task.status === 'done' ? 'green' : task.status === 'cancelled' ? 'gray' : 'blue';
  return (
    <Badge color={color} variant="light">
      {t(`obligations.status.${task.status}`)}
    </Badge>
  );
}
