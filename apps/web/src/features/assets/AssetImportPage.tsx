import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Input,
  List,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type AssetImportPreview,
  assetImportApplyResponse,
  assetImportPreviewResponse,
  IMPORT_ENCODINGS,
  type ImportIssue,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
} from '@vigil/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, withQuery } from '../../api/client.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useFormatDateTime } from '../../lib/useDateTime.js';
import { assetsKey } from './api.js';
import { showsDetail, useImportIssueText } from './importIssues.js';
import { useExportLanguage } from './labels.js';
import { ScrollTable } from './ScrollTable.js';

type Encoding = (typeof IMPORT_ENCODINGS)[number];

/** /assets/import — choose a file, see what it would change, then apply it all or nothing. */
export function AssetImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const lang = useExportLanguage();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<Encoding>('auto');
  const [tooLarge, setTooLarge] = useState(false);

  const preview = useMutation({
    mutationFn: (chosen: File) =>
      api.upload(
        withQuery('/api/assets/import/preview', { fileName: chosen.name, encoding }),
        assetImportPreviewResponse,
        chosen,
        'application/octet-stream',
      ),
  });
  const apply = useMutation({
    mutationFn: (importId: string) =>
      api.post(`/api/assets/import/${encodeURIComponent(importId)}/apply`, assetImportApplyResponse),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assetsKey }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    apply.reset();
    preview.mutate(file);
  };
  const choose = (chosen: File | null) => {
    setFile(chosen);
    setTooLarge(Boolean(chosen && chosen.size > MAX_IMPORT_BYTES));
    preview.reset();
    apply.reset();
  };
  const template = (format: 'csv' | 'xlsx') => withQuery('/api/assets/import/template', { format, lang });
  const result = apply.data;

  return (
    <>
      <PageHeading title={t('assets.import.title')}>
        <Anchor component={Link} to="/assets">
          {t('assets.detail.backToList')}
        </Anchor>
      </PageHeading>
      <Stack gap="lg" maw={1100}>
        <Card withBorder padding="lg" component="section" aria-labelledby="import-layout">
          <Title order={2} size="h4" id="import-layout" mb="sm">
            {t('assets.import.layoutTitle')}
          </Title>
          <List size="sm" spacing={4}>
            <List.Item>{t('assets.import.layout1')}</List.Item>
            <List.Item>{t('assets.import.layout2')}</List.Item>
            <List.Item>{t('assets.import.layout3')}</List.Item>
            <List.Item>{t('assets.import.layout4', { rows: MAX_IMPORT_ROWS.toLocaleString() })}</List.Item>
          </List>
          <Group mt="sm" gap="md">
            <Anchor href={template('xlsx')} download>
              {t('assets.import.templateXlsx')}
            </Anchor>
            <Anchor href={template('csv')} download>
              {t('assets.import.templateCsv')}
            </Anchor>
            <Anchor href={withQuery('/api/assets/export', { format: 'xlsx', lang })} download>
              {t('assets.import.exportAsTemplate')}
            </Anchor>
          </Group>
        </Card>

        <Card withBorder padding="lg" component="section" aria-labelledby="import-file">
          <Title order={2} size="h4" id="import-file" mb="sm">
            {t('assets.import.step1')}
          </Title>
          <form onSubmit={submit}>
            <Group align="flex-end" gap="md" wrap="wrap">
              <Input.Wrapper
                label={t('assets.import.file')}
                description={t('assets.import.fileHint')}
                id={fileId}
                error={
                  tooLarge ? t('assets.import.tooLarge', { mb: MAX_IMPORT_BYTES / 1024 / 1024 }) : undefined
                }
              >
                <input
                  id={fileId}
                  type="file"
                  accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  onChange={(e) => choose(e.currentTarget.files?.[0] ?? null)}
                  style={{ display: 'block', marginTop: 6 }}
                />
              </Input.Wrapper>
              <Select
                label={t('assets.import.encoding')}
                description={t('assets.import.encodingHint')}
                data={IMPORT_ENCODINGS.map((e) => ({ value: e, label: t(`assets.import.encodings.${e}`) }))}
                value={encoding}
                onChange={(v) => setEncoding(IMPORT_ENCODINGS.find((e) => e === v) ?? 'auto')}
                allowDeselect={false}
                w={220}
              />
              <Button type="submit" disabled={!file || tooLarge} loading={preview.isPending}>
                {t('assets.import.upload')}
              </Button>
            </Group>
          </form>
          <ErrorAlert error={preview.error} />
        </Card>

        {preview.data ? (
          <PreviewSection
            preview={preview.data}
            applying={apply.isPending}
            applied={Boolean(result)}
            onApply={() => preview.data && apply.mutate(preview.data.importId)}
            applyError={apply.error}
          />
        ) : null}

        {result ? (
          <Alert color="teal" variant="light" role="status" title={t('assets.import.doneTitle')}>
            <Text size="sm">
              {t('assets.import.done', { created: result.created, updated: result.updated })}
            </Text>
            <Anchor component={Link} to="/assets" size="sm">
              {t('assets.import.openList')}
            </Anchor>
          </Alert>
        ) : null}
      </Stack>
    </>
  );
}

interface PreviewSectionProps {
  preview: AssetImportPreview;
  applying: boolean;
  applied: boolean;
  onApply: () => void;
  applyError: unknown;
}

function PreviewSection({ preview, applying, applied, onApply, applyError }: PreviewSectionProps) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const hasErrors = preview.errorCount > 0 || preview.errors.length > 0;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="import-preview">
      <Title order={2} size="h4" id="import-preview" mb="sm">
        {t('assets.import.step2')}
      </Title>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }} component="dl" m={0}>
          <Stat label={t('assets.import.rows')} value={preview.rowCount} />
          <Stat label={t('assets.import.toCreate')} value={preview.toCreate} />
          <Stat label={t('assets.import.toUpdate')} value={preview.toUpdate} />
          <Stat label={t('assets.import.errorCount')} value={preview.errorCount} />
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {[
            preview.fileName,
            preview.format.toUpperCase(),
            preview.encoding ? t('assets.import.readAs', { encoding: preview.encoding }) : null,
            preview.sheet ? t('assets.import.sheet', { sheet: preview.sheet }) : null,
            t('assets.import.expires', { at: formatDateTime(preview.expiresAt) }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {hasErrors ? (
          <>
            <Alert color="red" variant="light" role="alert" title={t('assets.import.hasErrorsTitle')}>
              {t('assets.import.hasErrors')}
              {preview.errorCount > preview.errors.length ? ` ${t('assets.import.errorsTruncated')}` : ''}
            </Alert>
            <IssueTable issues={preview.errors} label={t('assets.import.errorsTable')} />
          </>
        ) : (
          <Alert color="teal" variant="light" role="status">
            {t('assets.import.ready')}
          </Alert>
        )}
        {preview.warnings.length > 0 ? (
          <IssueTable issues={preview.warnings} label={t('assets.import.warningsTable')} />
        ) : null}
        {preview.rows.length > 0 ? <RowsTable preview={preview} /> : null}
        <ErrorAlert error={applyError} />
        <Group>
          <Button onClick={onApply} disabled={hasErrors || applied} loading={applying}>
            {t('assets.import.apply')}
          </Button>
          {hasErrors ? (
            <Text size="sm" c="dimmed">
              {t('assets.import.applyDisabled')}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="dd" size="xl" fw={700} m={0}>
        {value.toLocaleString()}
      </Text>
    </div>
  );
}

function IssueTable({ issues, label }: { issues: ImportIssue[]; label: string }) {
  const { t } = useTranslation();
  const text = useImportIssueText();
  return (
    <ScrollTable minWidth={600} label={label}>
      <Table striped>
        <Table.Caption>{label}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('assets.import.row')}</Table.Th>
            <Table.Th>{t('assets.import.column')}</Table.Th>
            <Table.Th>{t('assets.import.message')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {issues.map((issue, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id and never reorder.
            <Table.Tr key={index}>
              <Table.Td>{issue.row ?? t('assets.import.wholeFile')}</Table.Td>
              <Table.Td>{issue.column ?? '—'}</Table.Td>
              <Table.Td>
                <Text size="sm">{text(issue)}</Text>
                {showsDetail(issue) ? (
                  <Text size="xs" c="dimmed" lang="en" style={{ overflowWrap: 'anywhere' }}>
                    {issue.message}
                  </Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function RowsTable({ preview }: { preview: AssetImportPreview }) {
  const { t } = useTranslation();
  return (
    <ScrollTable
      minWidth={700}
      label={t('assets.import.rowsCaption', { shown: preview.rows.length, total: preview.rowCount })}
    >
      <Table striped>
        <Table.Caption>
          {t('assets.import.rowsCaption', { shown: preview.rows.length, total: preview.rowCount })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('assets.import.row')}</Table.Th>
            <Table.Th>{t('assets.import.action')}</Table.Th>
            <Table.Th>{t('assets.fields.code')}</Table.Th>
            <Table.Th>{t('assets.fields.name')}</Table.Th>
            <Table.Th>{t('assets.fields.type')}</Table.Th>
            <Table.Th>{t('assets.fields.owner')}</Table.Th>
            <Table.Th>{t('assets.fields.unit')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.rows.map((row) => (
            <Table.Tr key={row.row}>
              <Table.Td>{row.row}</Table.Td>
              <Table.Td>
                <Badge variant="outline" color={row.action === 'create' ? 'teal.9' : 'indigo.9'}>
                  {t(`assets.import.actions.${row.action}`)}
                </Badge>
              </Table.Td>
              <Table.Td ff="monospace">{row.fields.code ?? '—'}</Table.Td>
              <Table.Td>{row.fields.name ?? '—'}</Table.Td>
              <Table.Td>{row.fields.type ? t(`assets.types.${row.fields.type}`) : '—'}</Table.Td>
              <Table.Td>{row.owner ?? '—'}</Table.Td>
              <Table.Td>{row.unit ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
