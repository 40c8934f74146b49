import { Badge, Button, Card, Group, List, MultiSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type DocumentVersionView, documentVersion } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { usePermissions } from '../../api/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { documentsKey, usePeople, versionPath } from './api.js';

/** Sending to review with named people, the reviewer's/approver's decision, publishing and withdrawal. */
export function WorkflowPanel({ v }: { v: DocumentVersionView }) {
  const { t } = useTranslation();
  const can = usePermissions();
  const queryClient = useQueryClient();
  const people = usePeople(v.can.submit && can('users.read'));
  const [reviewers, setReviewers] = useState<string[]>([]);
  const [approvers, setApprovers] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const act = useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown }) =>
      api.post(`${versionPath(v.id)}/${path}`, documentVersion, body ?? {}),
    onSuccess: () => {
      setComment('');
      return queryClient.invalidateQueries({ queryKey: documentsKey });
    },
  });
  const options = (people.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }));
  const manage = can('documents.manage');
  const deciding = v.can.review || v.can.approve;
  return (
    <Card withBorder>
      <Stack>
        {v.stage ? (
          <Text>
            {t(
              v.stage === 'reviewer' ? 'documents.version.stageReviewer' : 'documents.version.stageApprover',
            )}
          </Text>
        ) : null}
        <ParticipantList v={v} />
        {v.can.submit ? (
          <>
            <MultiSelect
              label={t('documents.version.reviewers')}
              data={options}
              value={reviewers}
              onChange={setReviewers}
              searchable
            />
            <MultiSelect
              label={t('documents.version.approvers')}
              data={options}
              value={approvers}
              onChange={setApprovers}
              searchable
            />
            <Group>
              <Button
                onClick={() =>
                  act.mutate({ path: 'submit', body: { reviewerIds: reviewers, approverIds: approvers } })
                }
              >
                {t('documents.version.submit')}
              </Button>
            </Group>
          </>
        ) : null}
        {deciding ? (
          <>
            <Title order={3}>{t('documents.version.decision')}</Title>
            <Textarea
              label={t('documents.version.comment')}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
            />
            <Group>
              {(['approve', 'reject'] as const).map((decision) => (
                <Button
                  key={decision}
                  color={decision === 'reject' ? 'red' : undefined}
                  onClick={() =>
                    act.mutate({ path: v.can.review ? 'review' : 'approval', body: { decision, comment } })
                  }
                >
                  {t(`documents.version.${decision}`)}
                </Button>
              ))}
            </Group>
          </>
        ) : null}
        <Group>
          {manage && v.status === 'review' ? (
            <Button variant="default" onClick={() => act.mutate({ path: 'recall' })}>
              {t('documents.version.recall')}
            </Button>
          ) : null}
          {v.can.publish ? (
            <Button onClick={() => act.mutate({ path: 'publish' })}>{t('documents.version.publish')}</Button>
          ) : null}
          {manage && v.status === 'published' ? (
            <Button variant="default" color="red" onClick={() => act.mutate({ path: 'withdraw' })}>
              {t('documents.version.withdraw')}
            </Button>
          ) : null}
        </Group>
        <ErrorAlert error={act.error} />
      </Stack>
    </Card>
  );
}

function ParticipantList({ v }: { v: DocumentVersionView }) {
  const { t } = useTranslation();
  if (v.participants.length === 0) return null;
  return (
    <List>
      {v.participants.map((p) => (
        <List.Item key={`${p.role}:${p.user.id}`}>
          {t(p.role === 'reviewer' ? 'documents.version.reviewers' : 'documents.version.approvers')}:{' '}
          {p.user.displayName}{' '}
          <Badge variant="outline" color="gray.9">
            {p.decision === null
              ? t('documents.version.pending')
              : t(
                  p.decision === 'approve'
                    ? 'documents.version.decidedApprove'
                    : 'documents.version.decidedReject',
                )}
          </Badge>{' '}
          {p.comment}
        </List.Item>
      ))}
    </List>
  );
}
