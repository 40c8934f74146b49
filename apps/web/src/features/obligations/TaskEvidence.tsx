import { Anchor, Button, FileInput, Group, List, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { evidenceResponse, type ObligationTaskDetail, obligationTaskDetail } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../../api/client.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { obligationsKey, taskPath, useEvidenceOptions } from './api.js';
import { useTitle } from './useSchedule.js';

/** The evidence linked to a task, and uploading a file or linking existing evidence. */
export function TaskEvidence({ task }: { task: ObligationTaskDetail }) {
  const { t } = useTranslation();
  const title = useTitle();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [existing, setExisting] = useState<string | null>(null);
  const editable = task.can.linkEvidence;
  const options = useEvidenceOptions(editable);
  const done = () => queryClient.invalidateQueries({ queryKey: obligationsKey });
  const link = (evidenceId: string) =>
    api.post(`${taskPath(task.id)}/evidence`, obligationTaskDetail, { evidenceId });
  const upload = useMutation({
    mutationFn: async () => {
      if (!file) return null;
      const evidenceTitle = name.trim() || `${title(task)} ${task.dueOn}`;
      const created = await api.upload(
        withQuery('/api/evidence/files', { title: evidenceTitle, fileName: file.name }),
        evidenceResponse,
        file,
      );
      return link(created.id);
    },
    onSuccess: () => {
      setFile(null);
      setName('');
      return done();
    },
  });
  const linkExisting = useMutation({
    mutationFn: (id: string) => link(id),
    onSuccess: () => {
      setExisting(null);
      return done();
    },
  });
  const unlink = useMutation({
    mutationFn: (id: string) =>
      api.delete(`${taskPath(task.id)}/evidence/${encodeURIComponent(id)}`, obligationTaskDetail),
    onSuccess: done,
  });
  const linked = new Set(task.evidence.map((e) => e.id));

  return (
    <Stack gap="sm" component="section" aria-labelledby="task-evidence">
      <Title order={2} size="h4" id="task-evidence">
        {t('obligations.task.evidence')}
      </Title>
      {task.evidence.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('obligations.task.noEvidence')}
        </Text>
      ) : (
        <List spacing={4}>
          {task.evidence.map((e) => (
            <List.Item key={e.id}>
              <Group gap="xs">
                {e.kind === 'file' ? (
                  <Anchor href={`/api/evidence/${encodeURIComponent(e.id)}/content`} size="sm">
                    {e.title} ({e.fileName})
                  </Anchor>
                ) : e.url ? (
                  <Anchor href={e.url} target="_blank" rel="noopener noreferrer" size="sm">
                    {e.title}
                  </Anchor>
                ) : (
                  <Text size="sm">{e.title}</Text>
                )}
                {editable ? (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() => unlink.mutate(e.id)}
                    aria-label={t('obligations.task.unlinkNamed', { name: e.title })}
                  >
                    {t('obligations.task.unlink')}
                  </Button>
                ) : null}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {editable ? (
        <>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <FileInput label={t('obligations.task.file')} value={file} onChange={setFile} clearable w={280} />
            <TextInput
              label={t('obligations.task.evidenceTitle')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              w={260}
            />
            <Button disabled={!file} loading={upload.isPending} onClick={() => upload.mutate()}>
              {t('obligations.task.upload')}
            </Button>
          </Group>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label={t('obligations.task.existing')}
              data={(options.data?.items ?? [])
                .filter((e) => !linked.has(e.id))
                .map((e) => ({ value: e.id, label: e.title }))}
              value={existing}
              onChange={setExisting}
              searchable
              clearable
              w={400}
            />
            <Button
              variant="default"
              disabled={!existing}
              loading={linkExisting.isPending}
              onClick={() => existing && linkExisting.mutate(existing)}
            >
              {t('obligations.task.link')}
            </Button>
          </Group>
        </>
      ) : null}
      <ErrorAlert error={upload.error ?? linkExisting.error ?? unlink.error ?? options.error} />
    </Stack>
  );
}
