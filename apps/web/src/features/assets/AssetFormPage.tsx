import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ASSET_STATUSES,
  ASSET_TYPES,
  type AssetValuationSettings,
  type AssetView,
  assetResponse,
  createAssetRequest,
  DEFAULT_ASSET_VALUATION,
  INFORMATION_CLASSES,
  updateAssetRequest,
} from '@vigil/contracts';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../../api/client.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LoadingScreen } from '../../components/LoadingScreen.js';
import { PageHeading } from '../../components/PageHeading.js';
import { errorMessage, validationProblems } from '../../i18n/errors.js';
import { type FieldErrors, fieldErrors, hasErrors } from '../../lib/validation.js';
import { useUserOptions } from '../org/useUserOptions.js';
import { useUnitOptions } from '../users/useUnitOptions.js';
import { assetPath, assetsKey, useAsset, useValuationSettings } from './api.js';
import {
  type AssetFormState,
  assetFormFrom,
  assetRequestFrom,
  emptyAssetForm,
  hasPartialAnswers,
  ruleErrorField,
  serverFieldErrors,
} from './assetForm.js';
import { IdentifierEditor } from './form/IdentifierEditor.js';
import { ProtectionQuestions } from './form/ProtectionQuestions.js';
import { useClassificationOptions } from './labels.js';
import { asksProtectionQuestions, computeAssetValue, maxAssetValue, ratingOptions } from './valuation.js';

/** /assets/new and /assets/:assetId/edit. */
export function AssetFormPage() {
  const { t } = useTranslation();
  const { assetId } = useParams();
  const asset = useAsset(assetId);
  const settings = useValuationSettings();

  if (assetId && asset.isPending) return <LoadingScreen />;
  if (assetId && !asset.data) {
    return (
      <>
        <PageHeading title={t('assets.form.editTitle', { name: '' })} />
        <ErrorAlert error={asset.error} />
      </>
    );
  }
  if (settings.isPending) return <LoadingScreen />;
  return (
    <AssetForm
      key={asset.data?.id ?? 'new'}
      asset={asset.data ?? null}
      settings={settings.data ?? DEFAULT_ASSET_VALUATION}
      settingsError={settings.error}
    />
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="md">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Card>
  );
}

function pick<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.find((v) => v === value) ?? null;
}

const toNumber = (value: string | number): number | null =>
  value === '' || value === null ? null : Number.isFinite(Number(value)) ? Number(value) : null;

interface AssetFormProps {
  asset: AssetView | null;
  settings: AssetValuationSettings;
  settingsError: unknown;
}

function AssetForm({ asset, settings, settingsError }: AssetFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const users = useUserOptions();
  const { options: unitOptions } = useUnitOptions();
  const classificationOptions = useClassificationOptions();
  const [form, setForm] = useState<AssetFormState>(() => (asset ? assetFormFrom(asset) : emptyAssetForm()));
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const set = (change: Partial<AssetFormState>) => setForm((f) => ({ ...f, ...change }));

  const save = useMutation({
    mutationFn: async () => {
      const body = assetRequestFrom(form, settings);
      if (asset) return api.patch(assetPath(asset.id), assetResponse, body);
      return api.post('/api/assets', assetResponse, body);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: assetsKey });
      navigate(`/assets/${saved.id}`);
    },
  });

  const ruleField = isApiError(save.error) ? ruleErrorField(save.error.details) : null;
  const errors: FieldErrors = {
    ...serverFieldErrors(validationProblems(save.error)),
    ...(ruleField ? { [ruleField]: errorMessage(t, save.error) } : {}),
    ...clientErrors,
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = assetRequestFrom(form, settings);
    const next = fieldErrors(asset ? updateAssetRequest : createAssetRequest, body, t);
    // Errors inside a list (identifiers.0.value) are shown on the list.
    for (const key of Object.keys(next)) {
      const top = key.split('.')[0] ?? key;
      if (top !== key) next[top] ??= next[key];
    }
    if (hasPartialAnswers(form)) next.protectionAnswers = t('assets.schedule9.answerAll');
    setClientErrors(next);
    if (!hasErrors(next)) save.mutate();
  };

  const userOptions = [...users.options];
  for (const person of [asset?.owner, asset?.custodian]) {
    if (person && !userOptions.some((o) => o.value === person.id)) {
      userOptions.push({ value: person.id, label: `${person.displayName} (${person.username})` });
    }
  }
  const unitChoices = [...unitOptions];
  if (asset?.unit && !unitChoices.some((o) => o.value === asset.unit?.id)) {
    unitChoices.push({ value: asset.unit.id, label: asset.unit.name });
  }
  const ratings = ratingOptions(settings.scaleMax).map((r) => ({ value: r, label: r }));
  const value = computeAssetValue(form, settings);
  const ratingSelect = (field: 'confidentiality' | 'integrity' | 'availability' | 'legal') => (
    <Select
      label={t(`assets.fields.${field}`)}
      data={ratings}
      value={form[field] === null ? null : String(form[field])}
      onChange={(v) => set({ [field]: v === null ? null : Number(v) })}
      placeholder={t('assets.form.notRated')}
      error={errors[field]}
      clearable
    />
  );
  const hours = (field: 'mtpdHours' | 'rtoHours' | 'rpoHours') => (
    <NumberInput
      label={t(`assets.fields.${field}`)}
      value={form[field] ?? ''}
      onChange={(v) => set({ [field]: toNumber(v) })}
      min={0}
      max={100_000}
      error={errors[field]}
    />
  );
  const date = (field: 'commissionedOn' | 'retiredOn' | 'disposedOn' | 'endOfSupportOn') => (
    <TextInput
      type="date"
      label={t(`assets.fields.${field}`)}
      value={form[field]}
      onChange={(e) => set({ [field]: e.currentTarget.value })}
      error={errors[field]}
    />
  );
  const title = asset ? t('assets.form.editTitle', { name: asset.name }) : t('assets.form.newTitle');

  return (
    <>
      <PageHeading title={title}>
        <Anchor component={Link} to={asset ? `/assets/${asset.id}` : '/assets'}>
          {t('assets.form.back')}
        </Anchor>
      </PageHeading>
      <ErrorAlert error={settingsError} />
      <form onSubmit={submit} noValidate>
        <Stack gap="lg" maw={960}>
          <Section id="asset-basic" title={t('assets.sections.basic')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('assets.fields.code')}
                description={t('assets.form.codeHint')}
                value={form.code}
                onChange={(e) => set({ code: e.currentTarget.value })}
                error={errors.code}
              />
              <TextInput
                label={t('assets.fields.name')}
                value={form.name}
                onChange={(e) => set({ name: e.currentTarget.value })}
                error={errors.name}
                required
              />
              <Select
                label={t('assets.fields.type')}
                data={ASSET_TYPES.map((v) => ({ value: v, label: t(`assets.types.${v}`) }))}
                value={form.type}
                onChange={(v) => set({ type: pick(ASSET_TYPES, v) })}
                error={errors.type}
                required
              />
              <Select
                label={t('assets.fields.status')}
                data={ASSET_STATUSES.map((v) => ({ value: v, label: t(`assets.statuses.${v}`) }))}
                value={form.status}
                onChange={(v) => set({ status: pick(ASSET_STATUSES, v) ?? form.status })}
                allowDeselect={false}
                error={errors.status}
              />
              {date('commissionedOn')}
              {date('retiredOn')}
              {date('disposedOn')}
              {date('endOfSupportOn')}
              <Select
                label={t('assets.fields.owner')}
                data={userOptions}
                value={form.ownerId}
                onChange={(ownerId) => set({ ownerId })}
                placeholder={t('assets.form.nobody')}
                error={errors.ownerId}
                searchable
                clearable
              />
              <Select
                label={t('assets.fields.custodian')}
                data={userOptions}
                value={form.custodianId}
                onChange={(custodianId) => set({ custodianId })}
                placeholder={t('assets.form.nobody')}
                error={errors.custodianId}
                searchable
                clearable
              />
              <Select
                label={t('assets.fields.unit')}
                data={unitChoices}
                value={form.unitId}
                onChange={(unitId) => set({ unitId })}
                placeholder={t('assets.form.noUnit')}
                error={errors.unitId}
                searchable
                clearable
              />
              <TextInput
                label={t('assets.fields.location')}
                value={form.location}
                onChange={(e) => set({ location: e.currentTarget.value })}
                error={errors.location}
              />
              <TextInput
                label={t('assets.fields.vendor')}
                value={form.vendor}
                onChange={(e) => set({ vendor: e.currentTarget.value })}
                error={errors.vendor}
              />
              <TagsInput
                label={t('assets.fields.tags')}
                description={t('assets.form.tagsHint')}
                value={form.tags}
                onChange={(tags) => set({ tags })}
                error={errors.tags}
                clearable
              />
            </SimpleGrid>
            <Textarea
              label={t('assets.fields.description')}
              value={form.description}
              onChange={(e) => set({ description: e.currentTarget.value })}
              error={errors.description}
              autosize
              minRows={3}
            />
          </Section>

          <Section id="asset-identifiers" title={t('assets.sections.identifiers')}>
            <IdentifierEditor
              rows={form.identifiers}
              onChange={(identifiers) => set({ identifiers })}
              error={errors.identifiers}
            />
          </Section>

          <Section id="asset-valuation" title={t('assets.sections.valuation')}>
            <Text size="sm" c="dimmed">
              {t('assets.form.scaleHint', {
                max: settings.scaleMax,
                rule: t(`assets.settings.rules.${settings.valueRule}`),
              })}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: settings.legalRating ? 4 : 3 }}>
              {ratingSelect('confidentiality')}
              {ratingSelect('integrity')}
              {ratingSelect('availability')}
              {settings.legalRating ? ratingSelect('legal') : null}
            </SimpleGrid>
            <Text size="sm" role="status" aria-live="polite">
              {t('assets.form.computedValue')}{' '}
              <strong>
                {value === null ? t('assets.form.notRated') : `${value} / ${maxAssetValue(settings)}`}
              </strong>
            </Text>
            <Select
              label={t('assets.fields.classification')}
              data={classificationOptions}
              value={form.classification}
              onChange={(classification) => set({ classification })}
              error={errors.classification}
              clearable
              w={{ base: '100%', sm: 300 }}
            />
          </Section>

          <Section id="asset-taiwan" title={t('assets.sections.taiwan')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Checkbox
                label={t('assets.fields.coreSystem')}
                checked={form.coreSystem}
                onChange={(e) => set({ coreSystem: e.currentTarget.checked })}
              />
              <Checkbox
                label={t('assets.fields.criticalInfrastructure')}
                checked={form.criticalInfrastructure}
                onChange={(e) => set({ criticalInfrastructure: e.currentTarget.checked })}
              />
              <Checkbox
                label={t('assets.fields.personalData')}
                checked={form.personalData}
                onChange={(e) => set({ personalData: e.currentTarget.checked })}
              />
            </SimpleGrid>
            <Select
              label={t('assets.fields.informationClass')}
              data={INFORMATION_CLASSES.map((v) => ({
                value: v,
                label: t(`assets.informationClasses.${v}`),
              }))}
              value={form.informationClass}
              onChange={(v) =>
                set({ informationClass: pick(INFORMATION_CLASSES, v) ?? form.informationClass })
              }
              allowDeselect={false}
              error={errors.informationClass}
              w={{ base: '100%', sm: 360 }}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {hours('mtpdHours')}
              {hours('rtoHours')}
              {hours('rpoHours')}
            </SimpleGrid>
          </Section>

          {asksProtectionQuestions(form.type) ? (
            <Section id="asset-schedule9" title={t('assets.sections.schedule9')}>
              <ProtectionQuestions
                answers={form.protectionAnswers}
                onChange={(protectionAnswers) => set({ protectionAnswers })}
                error={errors.protectionAnswers}
              />
            </Section>
          ) : null}

          <ErrorAlert error={save.error} />
          {hasErrors(clientErrors) ? (
            <Text size="sm" c="red.8" role="alert">
              {t('assets.form.fixErrors')}
            </Text>
          ) : null}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {asset ? t('common.save') : t('assets.actions.create')}
            </Button>
            <Button variant="default" component={Link} to={asset ? `/assets/${asset.id}` : '/assets'}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
