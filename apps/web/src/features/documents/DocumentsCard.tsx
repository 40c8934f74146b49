import { Anchor, Card, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSummary } from './api.js';

/** Home card: documents for me to acknowledge, my pending decisions, overdue reviews and pending approvals. */
export function DocumentsCard() {
  const { t } = useTranslation();
  const summary = useSummary();
  const s = summary.data;
  if (!s) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="documents-card-heading">
      <Stack gap="xs">
        <Title order={2} size="h4" id="documents-card-heading">
          {t('documents.card.title')}
        </Title>
        <Anchor component={Link} to="/documents/to-read">
          {t('documents.card.toAcknowledge', { count: s.toAcknowledge })}
        </Anchor>
        {s.myDecisions.length > 0 ? (
          <>
            <Text>{t('documents.card.decisions', { count: s.myDecisions.length })}</Text>
            <List size="sm">
              {s.myDecisions.map((d) => (
                <List.Item key={d.versionId}>
                  <Anchor component={Link} to={`/documents/versions/${d.versionId}`}>
                    {d.number} {d.title} v{d.version}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </>
        ) : null}
        {s.overdueReviews ? (
          <>
            <Text c={s.overdueReviews.total > 0 ? 'red.9' : undefined}>
              {t('documents.card.overdue', { count: s.overdueReviews.total })}
            </Text>
            <List size="sm">
              {s.overdueReviews.items.map((d) => (
                <List.Item key={d.id}>
                  <Anchor component={Link} to={`/documents/${d.id}`}>
                    {d.number} {d.title} ({d.nextReviewOn})
                  </Anchor>
                </List.Item>
              ))}
            </List>
            {s.overdueReviews.total > s.overdueReviews.items.length ? (
              <Anchor component={Link} to="/documents?overdue=true" size="sm">
                {t('documents.card.allOverdue', { count: s.overdueReviews.total })}
              </Anchor>
            ) : null}
          </>
        ) : null}
        {s.pendingApprovals !== null ? (
          <Text>{t('documents.card.approvals', { count: s.pendingApprovals })}</Text>
        ) : null}
        {s.pendingDisposals !== null && s.pendingDisposals > 0 ? (
          <Anchor component={Link} to="/documents/disposals">
            {t('documents.card.disposals', { count: s.pendingDisposals })}
          </Anchor>
        ) : null}
      </Stack>
    </Card>
  );
}
