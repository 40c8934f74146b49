import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  NumberInput,
  Radio,
  Stack,
  Switch,
  Table,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type AssetValuationSettings,
  assetSettingsInUseDetails,
  assetValuationSettingsResponse,
  updateAssetValuationSettingsRequest,
} from '@vigil/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, isApiError } from '../../api/client.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LoadingScreen } from '../../components/LoadingScreen.js';
import { PageFormActions } from '../../components/PageFormActions.js';
import { PageHeading } from '../../components/PageHeading.js';
import { type FieldErrors, fieldErrors, hasErrors } from '../../lib/validation.js';
import { assetsKey, useValuationSettings, valuationKey } from './api.js';
import { moveClassification } from './classifications.js';

/** /assets/settings — the valuation scale, value rule and classification list. */
export function ValuationSettingsPage() {
  const { t } = useTranslation();
  const settings = useValuationSettings();
  return (
    <>
      <PageHeading title={t('assets.settings.title')}>
        <Anchor component={Link} to="/assets">
          {t('assets.detail.backToList')}
        </Anchor>
      </PageHeading>
      <ErrorAlert error={settings.error} />
      {settings.isPending ? <LoadingScreen /> : null}
      {settings.data ? <SettingsForm key={JSON.stringify(settings.data)} initial={settings.data} /> : null}
    </>
  );
}

function SettingsForm({ initial }: { initial: AssetValuationSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<AssetValuationSettings>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (change: Partial<AssetValuationSettings>) => setForm((f) => ({ ...f, ...change }));
  const setRow = (index: number, change: Partial<AssetValuationSettings['classifications'][number]>) =>
    set({ classifications: form.classifications.map((c, i) => (i === index ? { ...c, ...change } : c)) });

  const save = useMutation({
    mutationFn: () =>
      api.put('/api/assets/valuation-settings', assetValuationSettingsResponse, {
        ...form,
        classifications: form.classifications.map((c) => ({ ...c, key: c.key.trim() })),
      }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(valuationKey, saved);
      await queryClient.invalidateQueries({ queryKey: assetsKey });
    },
  });
  const inUseDetails = isApiError(save.error, 'asset.settings_in_use')
    ? assetSettingsInUseDetails.safeParse(save.error.details)
    : null;
  const inUse = inUseDetails?.success ? inUseDetails.data : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = fieldErrors(updateAssetValuationSettingsRequest, form, t);
    const keys = form.classifications.map((c) => c.key.trim());
    keys.forEach((key, index) => {
      if (key && keys.indexOf(key) !== index)
        next[`classifications.${index}.key`] = t('assets.settings.duplicateKey');
    });
    setErrors(next);
    if (!hasErrors(next)) save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg" maw={900}>
        <Card withBorder padding="lg" component="section" aria-labelledby="valuation-scale">
          <Title order={2} size="h4" id="valuation-scale" mb="md">
            {t('assets.settings.scaleTitle')}
          </Title>
          <Stack>
            <NumberInput
              label={t('assets.settings.scaleMax')}
              description={t('assets.settings.scaleMaxHint')}
              value={form.scaleMax}
              onChange={(v) => set({ scaleMax: typeof v === 'number' ? v : Number(v) || 0 })}
              min={2}
              max={10}
              allowDecimal={false}
              error={errors.scaleMax}
              w={220}
            />
            <Switch
              label={t('assets.settings.legalRating')}
              description={t('assets.settings.legalRatingHint')}
              checked={form.legalRating}
              onChange={(e) => set({ legalRating: e.currentTarget.checked })}
            />
            <Radio.Group
              label={t('assets.settings.valueRule')}
              value={form.valueRule}
              onChange={(v) => set({ valueRule: v === 'sum' ? 'sum' : 'max' })}
            >
              <Stack gap={6} mt="xs">
                <Radio value="max" label={t('assets.settings.rules.max')} />
                <Radio value="sum" label={t('assets.settings.rules.sum')} />
              </Stack>
            </Radio.Group>
          </Stack>
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="valuation-classes">
          <Title order={2} size="h4" id="valuation-classes" mb="xs">
            {t('assets.settings.classificationsTitle')}
          </Title>
          <Table>
            <Table.Caption>{t('assets.settings.classificationsHint')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assets.settings.key')}</Table.Th>
                <Table.Th>{t('assets.settings.nameEn')}</Table.Th>
                <Table.Th>{t('assets.settings.nameZh')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {form.classifications.map((row, index) => {
                const n = index + 1;
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; keys may be blank.
                  <Table.Tr key={index}>
                    <Table.Td>
                      <TextInput
                        aria-label={t('assets.settings.keyN', { n })}
                        value={row.key}
                        onChange={(e) => setRow(index, { key: e.currentTarget.value })}
                        error={errors[`classifications.${index}.key`]}
                        ff="monospace"
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={t('assets.settings.nameEnN', { n })}
                        value={row.en}
                        onChange={(e) => setRow(index, { en: e.currentTarget.value })}
                        error={errors[`classifications.${index}.en`]}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={t('assets.settings.nameZhN', { n })}
                        value={row.zh}
                        onChange={(e) => setRow(index, { zh: e.currentTarget.value })}
                        error={errors[`classifications.${index}.zh`]}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          disabled={index === 0}
                          onClick={() =>
                            set({ classifications: moveClassification(form.classifications, index, -1) })
                          }
                          aria-label={t('assets.settings.moveUp', { n })}
                        >
                          <span aria-hidden="true">↑</span>
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          disabled={index === form.classifications.length - 1}
                          onClick={() =>
                            set({ classifications: moveClassification(form.classifications, index, 1) })
                          }
                          aria-label={t('assets.settings.moveDown', { n })}
                        >
                          <span aria-hidden="true">↓</span>
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          disabled={form.classifications.length <= 1}
                          onClick={() =>
                            set({ classifications: form.classifications.filter((_, i) => i !== index) })
                          }
                          aria-label={t('assets.settings.remove', { n })}
                        >
                          <span aria-hidden="true">✕</span>
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {errors.classifications ? (
            <Alert color="red" variant="light" mt="sm">
              {errors.classifications}
            </Alert>
          ) : null}
          <Group mt="sm">
            <Button
              variant="default"
              size="xs"
              disabled={form.classifications.length >= 10}
              onClick={() => set({ classifications: [...form.classifications, { key: '', en: '', zh: '' }] })}
            >
              {t('assets.settings.add')}
            </Button>
          </Group>
        </Card>
        {inUse ? (
          <Alert color="red" variant="light" title={t('assets.settings.inUseTitle')}>
            {inUse.ratingsOutOfRange > 0 ? (
              <div>{t('assets.settings.ratingsOutOfRange', { count: inUse.ratingsOutOfRange })}</div>
            ) : null}
            {Object.entries(inUse.classificationsInUse).map(([key, count]) => (
              <div key={key}>{t('assets.settings.classificationInUse', { key, count })}</div>
            ))}
          </Alert>
        ) : null}
        <PageFormActions
          error={save.error}
          saved={save.isSuccess}
          savedMessage={t('assets.settings.saved')}
          loading={save.isPending}
        />
      </Stack>
    </form>
  );
}
