import { Anchor, Badge, Card, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions } from '../../api/session.js';
import { useObligationSummary } from './api.js';
import { useTitle } from './useSchedule.js';

/** Home page: overdue obligations and those due within 30 days (one's own for task owners). */
export function ObligationsCard() {
  const { t } = useTranslation();
  const can = usePermissions();
  const allowed = can('obligations.read') || can('obligations.work');
  const summary = useObligationSummary(allowed);
  const title = useTitle();
  if (!allowed || !summary.data) return null;
  const s = summary.data;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="obligations-card">
      <Stack gap="sm">
        <Group justify="space-between">
          <Anchor id="obligations-card" component={Link} to="/obligations" fw={600}>
            {t('obligations.card.title')}
          </Anchor>
          {s.level ? (
            <Badge variant="light">{t('obligations.profile.level', { level: s.level })}</Badge>
          ) : null}
        </Group>
        <Group gap="md">
          <Text size="sm" c={s.overdue > 0 ? 'red.8' : undefined} fw={s.overdue > 0 ? 700 : 400}>
            {t('obligations.card.overdue', { count: s.overdue })}
          </Text>
          <Text size="sm">{t('obligations.card.dueSoon', { count: s.dueSoon })}</Text>
        </Group>
        {s.items.length > 0 ? (
          <List size="sm" spacing={2}>
            {s.items.map((task) => (
              <List.Item key={task.id}>
                <Anchor
                  component={Link}
                  to={`/obligations/tasks/${task.id}`}
                  size="sm"
                  c={task.overdue ? 'red.8' : undefined}
                >
                  {task.dueOn} {title(task)}
                </Anchor>
                {task.overdue ? (
                  <Text span size="xs" c="red.8">
                    {' '}
                    · {t('obligations.status.overdue')}
                  </Text>
                ) : null}
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            {s.level ? t('obligations.card.nothing') : t('obligations.card.noLevel')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
