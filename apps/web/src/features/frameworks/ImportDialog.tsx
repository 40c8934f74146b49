import { FileInput, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { frameworkImportResponse, MAX_FRAMEWORK_FILE_BYTES } from '@vigil/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, withQuery } from '../../api/client.js';
import { DataTable } from '../../components/DataTable.js';
import { ModalFormActions } from '../../components/ModalFormActions.js';
import { frameworksKey, importProblems } from './api.js';

const contentType = (file: File) => (/\.json$/i.test(file.name) ? 'application/json' : 'application/yaml');

/** Uploads a framework file; a refused file shows its validation report (file, line, problem). */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const upload = useMutation({
    mutationFn: (f: File) =>
      api.upload(
        withQuery('/api/frameworks/import', { filename: f.name }),
        frameworkImportResponse,
        f,
        contentType(f),
      ),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: frameworksKey });
      onClose();
      navigate(`/frameworks/${encodeURIComponent(result.framework.key)}`, {
        state: { imported: { version: result.version.version } },
      });
    },
  });
  const problems = importProblems(upload.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const error = !file
      ? t('frameworks.import.fileRequired')
      : file.size > MAX_FRAMEWORK_FILE_BYTES
        ? t('frameworks.import.fileTooLarge')
        : null;
    setFileError(error);
    if (file && !error) upload.mutate(file);
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('frameworks.import.title')}
      closeButtonProps={{ 'aria-label': t('frameworks.import.close') }}
      size="xl"
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FileInput
            label={t('frameworks.import.file')}
            description={t('frameworks.import.hint')}
            accept=".yaml,.yml,.json,application/yaml,application/json"
            value={file}
            onChange={(f) => {
              setFile(f);
              upload.reset();
            }}
            error={fileError}
            required
            clearable
            clearButtonProps={{ 'aria-label': t('frameworks.import.clear') }}
          />
          {problems ? (
            <Stack gap="xs" role="alert">
              <Title order={2} size="h4">
                {t('frameworks.import.reportTitle')}
              </Title>
              <Text size="sm">{t('frameworks.import.reportIntro')}</Text>
              <DataTable
                caption={t('frameworks.import.reportCaption')}
                minWidth={560}
                columns={[
                  t('frameworks.import.reportFile'),
                  t('frameworks.import.reportLine'),
                  t('frameworks.import.reportPath'),
                  t('frameworks.import.reportProblem'),
                ]}
              >
                {problems.map((p, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the report has no ids and never reorders.
                  <Table.Tr key={i}>
                    <Table.Td>{p.file}</Table.Td>
                    <Table.Td>
                      {p.line === null ? '—' : p.column === null ? p.line : `${p.line}:${p.column}`}
                    </Table.Td>
                    <Table.Td>
                      <code>{p.path || '—'}</code>
                    </Table.Td>
                    <Table.Td>{p.message}</Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            </Stack>
          ) : null}
          <ModalFormActions
            error={problems ? null : upload.error}
            onCancel={onClose}
            submitLabel={t('frameworks.import.submit')}
            loading={upload.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
