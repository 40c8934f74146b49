import { Anchor, Button, Card, Group, Stack, Table, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { documentVersion } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client.js';
import { usePermissions } from '../../api/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useFormatDateTime } from '../../lib/useDateTime.js';
import { documentPath, documentsKey, useDocument, useLevels } from './api.js';
import { DiffCard } from './DiffCard.js';
import { EditDocumentModal } from './EditDocumentModal.js';
import { levelName, STATUS_TONE } from './labels.js';

/** One document: metadata (editable by managers), its versions, a new version and the diff between two Markdown versions. */
export function DocumentPage() {
  const { documentId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const can = usePermissions();
  const fmt = useFormatDateTime();
  const doc = useDocument(documentId);
  const levels = useLevels();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const newVersion = useMutation({
    mutationFn: (format: 'markdown' | 'file') => {
      const latest = doc.data?.versions[0];
      return api
        .post(`${documentPath(documentId)}/versions`, documentVersion, {
          format,
          changeSummary: '',
          body: '',
        })
        .then((v) => ({ v, latest }));
    },
    onSuccess: async ({ v }) => {
      await queryClient.invalidateQueries({ queryKey: documentsKey });
      navigate(`/documents/versions/${v.id}`);
    },
  });
  if (doc.error) return <ErrorAlert error={doc.error} />;
  const d = doc.data;
  if (!d) return null;
  const level = levels.data?.items.find((l) => l.id === d.levelId);
  return (
    <Stack>
      <PageHeading title={`${d.number} ${d.title}`}>
        {can('documents.manage') ? (
          <Group>
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('documents.edit.open')}
            </Button>
            <Button onClick={() => newVersion.mutate('markdown')}>{t('documents.doc.newVersion')}</Button>
            <Button variant="default" onClick={() => newVersion.mutate('file')}>
              {t('documents.doc.newFileVersion')}
            </Button>
          </Group>
        ) : null}
      </PageHeading>
      <ErrorAlert error={newVersion.error} />
      <Card withBorder>
        <Table variant="vertical">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th>{t('documents.fields.level')}</Table.Th>
              <Table.Td>{levelName(level, i18n.language)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('documents.fields.owner')}</Table.Th>
              <Table.Td>{d.owner?.displayName ?? '—'}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('documents.fields.classification')}</Table.Th>
              <Table.Td>{t(`documents.classification.${d.classification}`)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('documents.fields.reviewInterval')}</Table.Th>
              <Table.Td>{d.reviewIntervalMonths}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('documents.fields.nextReview')}</Table.Th>
              <Table.Td>
                {d.nextReviewOn ?? '—'}{' '}
                {d.reviewOverdue ? (
                  <StatusBadge tone="danger">{t('documents.register.overdue')}</StatusBadge>
                ) : null}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('documents.fields.retention')}</Table.Th>
              <Table.Td>{d.effectiveRetentionYears ?? '—'}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('documents.fields.requirements')}</Table.Th>
              <Table.Td>{d.requirements.map((r) => `${r.framework} ${r.ref}`).join(', ') || '—'}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Card>
      <Title order={2}>{t('documents.doc.versions')}</Title>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('documents.fields.version')}</Table.Th>
            <Table.Th>{t('documents.fields.status')}</Table.Th>
            <Table.Th>{t('documents.fields.changeSummary')}</Table.Th>
            <Table.Th>{t('documents.status.published')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.versions.map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td>
                <Anchor component={Link} to={`/documents/versions/${v.id}`}>
                  v{v.version}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <StatusBadge tone={STATUS_TONE[v.status]}>{t(`documents.status.${v.status}`)}</StatusBadge>
              </Table.Td>
              <Table.Td>{v.changeSummary}</Table.Td>
              <Table.Td>{fmt(v.publishedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <DiffCard doc={d} />
      {can('documents.manage') ? (
        <EditDocumentModal doc={d} opened={editing} onClose={() => setEditing(false)} />
      ) : null}
    </Stack>
  );
}
