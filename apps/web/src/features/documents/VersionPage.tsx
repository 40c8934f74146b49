import {
  Alert,
  Anchor,
  Button,
  Card,
  FileInput,
  Group,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type DocumentVersionView, documentVersion, readingItem } from '@vigil/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, withQuery } from '../../api/client.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { documentsKey, useVersion, versionPath } from './api.js';
import { DistributionPanel } from './DistributionPanel.js';
import { STATUS_TONE } from './labels.js';
import { Markdown } from './Markdown.js';
import { WorkflowPanel } from './WorkflowPanel.js';

/** One version: its content (editable while a draft), the workflow, and distribution once published. */
export function VersionPage() {
  const { versionId = '' } = useParams();
  const { t } = useTranslation();
  const version = useVersion(versionId);
  if (version.error) return <ErrorAlert error={version.error} />;
  const v = version.data;
  if (!v) return null;
  return (
    <Stack>
      <PageHeading title={t('documents.version.title', { number: v.documentNumber, version: v.version })}>
        <StatusBadge tone={STATUS_TONE[v.status]}>{t(`documents.status.${v.status}`)}</StatusBadge>
      </PageHeading>
      <Anchor component={Link} to={`/documents/${v.documentId}`}>
        {v.documentTitle}
      </Anchor>
      {v.disposedAt ? <Alert color="gray">{t('documents.version.disposed')}</Alert> : <Content v={v} />}
      <Acknowledge v={v} />
      <WorkflowPanel v={v} />
      {v.status === 'published' || v.status === 'obsolete' ? <DistributionPanel v={v} /> : null}
    </Stack>
  );
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: documentsKey });
}

function Content({ v }: { v: DocumentVersionView }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const [body, setBody] = useState(v.body);
  const [summary, setSummary] = useState(v.changeSummary);
  const [file, setFile] = useState<File | null>(null);
  useEffect(() => {
    setBody(v.body);
    setSummary(v.changeSummary);
  }, [v.body, v.changeSummary]);
  const save = useMutation({
    mutationFn: () =>
      api.patch(
        versionPath(v.id),
        documentVersion,
        v.format === 'markdown' ? { body, changeSummary: summary } : { changeSummary: summary },
      ),
    onSuccess: refresh,
  });
  const upload = useMutation({
    mutationFn: (f: File) =>
      api.upload(withQuery(`${versionPath(v.id)}/file`, { name: f.name }), documentVersion, f),
    onSuccess: refresh,
  });
  const download = v.file ? (
    <Anchor href={`${versionPath(v.id)}/file`} download>
      {t('documents.version.download')}: {v.file.name}
    </Anchor>
  ) : (
    <Text c="dimmed">{t('documents.version.noFile')}</Text>
  );
  if (!v.can.edit)
    return (
      <Card withBorder>
        {v.changeSummary ? (
          <Text size="sm" c="dimmed">
            {v.changeSummary}
          </Text>
        ) : null}
        {v.format === 'markdown' ? <Markdown text={v.body} /> : download}
      </Card>
    );
  return (
    <Card withBorder>
      <Stack>
        <TextInput
          label={t('documents.fields.changeSummary')}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
        />
        {v.format === 'markdown' ? (
          <Tabs defaultValue="edit">
            <Tabs.List>
              <Tabs.Tab value="edit">{t('documents.version.edit')}</Tabs.Tab>
              <Tabs.Tab value="preview">{t('documents.version.preview')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="edit" pt="sm">
              <Textarea
                label={t('documents.fields.body')}
                autosize
                minRows={12}
                value={body}
                onChange={(e) => setBody(e.currentTarget.value)}
                styles={{ input: { fontFamily: 'monospace' } }}
              />
            </Tabs.Panel>
            <Tabs.Panel value="preview" pt="sm">
              <Markdown text={body} />
            </Tabs.Panel>
          </Tabs>
        ) : (
          <>
            {download}
            <FileInput
              label={t('documents.version.upload')}
              accept=".docx,.pdf,.odt"
              value={file}
              onChange={(f) => {
                setFile(f);
                if (f) upload.mutate(f);
              }}
            />
            <ErrorAlert error={upload.error} />
          </>
        )}
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            {t('documents.doc.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Acknowledge({ v }: { v: DocumentVersionView }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const ack = useMutation({
    mutationFn: () =>
      api.post(`/api/my/documents-to-read/${encodeURIComponent(v.id)}/acknowledge`, readingItem),
    onSuccess: refresh,
  });
  if (ack.isSuccess) return <Alert color="teal">{t('documents.version.acknowledged')}</Alert>;
  if (!v.can.acknowledge) return null;
  return (
    <Group>
      <Button onClick={() => ack.mutate()} loading={ack.isPending}>
        {t('documents.version.acknowledge')}
      </Button>
      <ErrorAlert error={ack.error} />
    </Group>
  );
}
