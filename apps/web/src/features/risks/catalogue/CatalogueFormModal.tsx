import { Modal, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ASSET_TYPES,
  createRiskThreatRequest,
  createRiskVulnerabilityRequest,
  type RiskThreatView,
  type RiskVulnerabilityView,
  riskThreatResponse,
  riskVulnerabilityResponse,
  THREAT_CATEGORIES,
  updateRiskThreatRequest,
  updateRiskVulnerabilityRequest,
  VULNERABILITY_CATEGORIES,
} from '@vigil/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import { ModalFormActions } from '../../../components/ModalFormActions.js';
import { type FieldErrors, fieldErrors, hasErrors } from '../../../lib/validation.js';
import { type CatalogueKind, cataloguePath, risksKey } from '../api.js';
import { useBilingual } from '../labels.js';

type Entry = RiskThreatView | RiskVulnerabilityView;

interface CatalogueFormModalProps {
  kind: CatalogueKind;
  /** null adds an entry. */
  entry: Entry | null;
  onClose: () => void;
}

/** Adds or edits a threat or vulnerability, named and described in both languages. */
export function CatalogueFormModal({ kind, entry, onClose }: CatalogueFormModalProps) {
  const { t } = useTranslation();
  const text = useBilingual();
  const queryClient = useQueryClient();
  const categories = kind === 'threats' ? THREAT_CATEGORIES : VULNERABILITY_CATEGORIES;
  const [code, setCode] = useState(entry?.code ?? '');
  const [nameZh, setNameZh] = useState(entry?.nameZh ?? '');
  const [nameEn, setNameEn] = useState(entry?.nameEn ?? '');
  const [descriptionZh, setDescriptionZh] = useState(entry?.descriptionZh ?? '');
  const [descriptionEn, setDescriptionEn] = useState(entry?.descriptionEn ?? '');
  const [category, setCategory] = useState<string | null>(entry?.category ?? null);
  const [assetTypes, setAssetTypes] = useState<string[]>(
    entry && 'assetTypes' in entry ? entry.assetTypes : [],
  );
  const [errors, setErrors] = useState<FieldErrors>({});

  const body = () => ({
    code: code.trim(),
    nameZh,
    nameEn,
    descriptionZh,
    descriptionEn,
    category,
    ...(kind === 'vulnerabilities' ? { assetTypes } : {}),
  });
  const schema =
    kind === 'threats'
      ? entry
        ? updateRiskThreatRequest
        : createRiskThreatRequest
      : entry
        ? updateRiskVulnerabilityRequest
        : createRiskVulnerabilityRequest;
  const response = kind === 'threats' ? riskThreatResponse : riskVulnerabilityResponse;

  const save = useMutation({
    mutationFn: () =>
      entry
        ? api.patch(cataloguePath(kind, entry.id), response, body())
        : api.post(cataloguePath(kind), response, body()),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: risksKey });
      onClose();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = fieldErrors(schema, body(), t);
    setErrors(next);
    if (!hasErrors(next)) save.mutate();
  };

  const noun = t(`risks.catalogue.${kind}.one`);
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('risks.closeDialog') }}
      opened
      onClose={onClose}
      title={
        entry
          ? t('risks.catalogue.editTitle', { noun, code: entry.code })
          : t('risks.catalogue.createTitle', { noun })
      }
      centered
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={2}>
            <TextInput
              label={t('risks.catalogue.code')}
              description={t('risks.catalogue.codeHint')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={errors.code}
              required
              data-autofocus
            />
            <Select
              label={t('risks.catalogue.category')}
              data={Object.entries(categories).map(([value, labels]) => ({ value, label: text(labels) }))}
              value={category}
              onChange={setCategory}
              error={errors.category}
              required
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('risks.catalogue.nameZh')}
              value={nameZh}
              onChange={(e) => setNameZh(e.currentTarget.value)}
              error={errors.nameZh}
              required
              lang="zh-TW"
            />
            <TextInput
              label={t('risks.catalogue.nameEn')}
              value={nameEn}
              onChange={(e) => setNameEn(e.currentTarget.value)}
              error={errors.nameEn}
              required
              lang="en"
            />
            <Textarea
              label={t('risks.catalogue.descriptionZh')}
              value={descriptionZh}
              onChange={(e) => setDescriptionZh(e.currentTarget.value)}
              error={errors.descriptionZh}
              autosize
              minRows={2}
              lang="zh-TW"
            />
            <Textarea
              label={t('risks.catalogue.descriptionEn')}
              value={descriptionEn}
              onChange={(e) => setDescriptionEn(e.currentTarget.value)}
              error={errors.descriptionEn}
              autosize
              minRows={2}
              lang="en"
            />
          </SimpleGrid>
          {kind === 'vulnerabilities' ? (
            <MultiSelect
              label={t('risks.catalogue.assetTypes')}
              description={t('risks.catalogue.assetTypesHint')}
              data={ASSET_TYPES.map((type) => ({ value: type, label: t(`risks.assetTypes.${type}`) }))}
              value={assetTypes}
              onChange={setAssetTypes}
              clearable
            />
          ) : null}
          <ModalFormActions
            error={save.error}
            onCancel={onClose}
            submitLabel={entry ? t('common.save') : t('risks.catalogue.add')}
            loading={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
