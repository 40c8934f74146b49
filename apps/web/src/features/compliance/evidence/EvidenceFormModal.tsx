import { FileInput, Modal, SegmentedControl, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createEvidenceRequest, evidenceResponse, MAX_EVIDENCE_BYTES } from '@vigil/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../../../api/client.js';
import { ModalFormActions } from '../../../components/ModalFormActions.js';
import { type FieldErrors, fieldErrors, hasErrors } from '../../../lib/validation.js';
import { complianceKey, evidencePath } from '../api.js';

type Kind = 'file' | 'link';

/** Adds evidence: a file (uploaded as is; its type is judged by the server from the content) or a link. */
export function EvidenceFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>('file');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const save = useMutation({
    mutationFn: () => {
      const validity = { validFrom: validFrom || undefined, validUntil: validUntil || undefined };
      if (kind === 'file' && file)
        return api.upload(
          withQuery('/api/evidence/files', {
            title,
            fileName: file.name,
            description: description.trim(),
            ...validity,
          }),
          evidenceResponse,
          file,
          'application/octet-stream',
        );
      return api.post(evidencePath(), evidenceResponse, {
        kind: 'link',
        title,
        url,
        description: description.trim(),
        ...validity,
      });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: complianceKey });
      onClose();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: FieldErrors =
      kind === 'link'
        ? fieldErrors(
            createEvidenceRequest,
            { kind, title, url, validFrom: validFrom || undefined, validUntil: validUntil || undefined },
            t,
          )
        : {
            ...(title.trim() ? {} : { title: t('compliance.evidence.titleRequired') }),
            ...(file ? {} : { file: t('compliance.evidence.fileRequired') }),
            ...(file && file.size > MAX_EVIDENCE_BYTES
              ? { file: t('compliance.evidence.fileTooLarge') }
              : {}),
          };
    setErrors(next);
    if (!hasErrors(next)) save.mutate();
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('compliance.closeDialog') }}
      opened
      onClose={onClose}
      title={t('compliance.evidence.createTitle')}
      centered
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <SegmentedControl
            aria-label={t('compliance.evidence.kind')}
            data={[
              { value: 'file', label: t('compliance.evidence.kinds.file') },
              { value: 'link', label: t('compliance.evidence.kinds.link') },
            ]}
            value={kind}
            onChange={(v) => setKind(v === 'link' ? 'link' : 'file')}
          />
          <TextInput
            label={t('compliance.evidence.titleField')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
            required
          />
          {kind === 'file' ? (
            <FileInput
              label={t('compliance.evidence.file')}
              description={t('compliance.evidence.uploadHint')}
              value={file}
              onChange={setFile}
              error={errors.file}
              required
              clearable
            />
          ) : (
            <TextInput
              type="url"
              label={t('compliance.evidence.url')}
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
              error={errors.url}
              required
            />
          )}
          <Textarea
            label={t('compliance.evidence.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <SimpleGrid cols={2}>
            <TextInput
              type="date"
              label={t('compliance.evidence.validFrom')}
              value={validFrom}
              onChange={(e) => setValidFrom(e.currentTarget.value)}
              error={errors.validFrom}
            />
            <TextInput
              type="date"
              label={t('compliance.evidence.validUntil')}
              value={validUntil}
              onChange={(e) => setValidUntil(e.currentTarget.value)}
              error={errors.validUntil}
            />
          </SimpleGrid>
          <ModalFormActions
            error={save.error}
            onCancel={onClose}
            submitLabel={t('compliance.save')}
            loading={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
