import {
  Button,
  Card,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  DEFAULT_SECURITY_SETTINGS,
  type SecuritySettings,
  settingsResponse,
  updateSettingsRequest,
} from '@vigil/contracts';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { PageFormActions } from '../../components/PageFormActions.js';
import { type FieldErrors, fieldErrors, hasErrors } from '../../lib/validation.js';
import { useRoleOptions } from '../roles/api.js';
import { settingsKey } from './api.js';
import { type NumberSetting, settingLimits } from './limits.js';

interface SecuritySettingsFormProps {
  security: SecuritySettings;
  readOnly: boolean;
}

const MFA_MODES = ['none', 'all', 'roles'] as const;
type MfaMode = (typeof MFA_MODES)[number];

function isMfaMode(value: string | null): value is MfaMode {
  return MFA_MODES.some((m) => m === value);
}

function SettingsGroup({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" mb="md" id={id}>
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>{children}</SimpleGrid>
    </Card>
  );
}

/** Password, lockout, session and MFA policy, with the contract's limits shown and enforced. */
export function SecuritySettingsForm({ security, readOnly }: SecuritySettingsFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const roleOptions = useRoleOptions();
  const [values, setValues] = useState<SecuritySettings>(security);
  const [errors, setErrors] = useState<FieldErrors>({});

  const save = useMutation({
    mutationFn: (next: SecuritySettings) => api.put('/api/settings', settingsResponse, { security: next }),
    onSuccess: (result) => queryClient.setQueryData(settingsKey, result),
  });

  const number = (name: NumberSetting) => {
    const { min, max } = settingLimits(name);
    return (
      <NumberInput
        label={t(`settings.fields.${name}`)}
        description={t('settings.range', { min, max, default: DEFAULT_SECURITY_SETTINGS[name] })}
        value={values[name]}
        onChange={(value) => setValues({ ...values, [name]: typeof value === 'number' ? value : Number.NaN })}
        min={min}
        max={max}
        allowDecimal={false}
        allowNegative={false}
        clampBehavior="none"
        error={errors[`security.${name}`]}
        readOnly={readOnly}
        required
      />
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = fieldErrors(updateSettingsRequest, { security: values }, t);
    setErrors(next);
    if (!hasErrors(next)) save.mutate(values);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg" maw={900}>
        <SettingsGroup id="settings-password" title={t('settings.sections.password')}>
          {number('passwordMinLength')}
          {number('passwordHistory')}
          {number('passwordMaxAgeDays')}
          <Switch
            label={t('settings.fields.rejectCommonPasswords')}
            checked={values.rejectCommonPasswords}
            onChange={(e) => setValues({ ...values, rejectCommonPasswords: e.currentTarget.checked })}
            disabled={readOnly}
            mt="lg"
          />
        </SettingsGroup>
        <SettingsGroup id="settings-lockout" title={t('settings.sections.lockout')}>
          {number('lockoutThreshold')}
          {number('lockoutMinutes')}
        </SettingsGroup>
        <SettingsGroup id="settings-session" title={t('settings.sections.session')}>
          {number('sessionIdleMinutes')}
          {number('sessionAbsoluteHours')}
        </SettingsGroup>
        <SettingsGroup id="settings-mfa" title={t('settings.sections.mfa')}>
          <Select
            label={t('settings.fields.mfaRequired')}
            data={MFA_MODES.map((mode) => ({ value: mode, label: t(`settings.mfaModes.${mode}`) }))}
            value={values.mfaRequired}
            onChange={(mode) => isMfaMode(mode) && setValues({ ...values, mfaRequired: mode })}
            allowDeselect={false}
            readOnly={readOnly}
            error={errors['security.mfaRequired']}
          />
          {values.mfaRequired === 'roles' ? (
            <MultiSelect
              label={t('settings.fields.mfaRequiredRoles')}
              data={roleOptions}
              value={values.mfaRequiredRoles}
              onChange={(mfaRequiredRoles) => setValues({ ...values, mfaRequiredRoles })}
              readOnly={readOnly}
              searchable
              error={errors['security.mfaRequiredRoles']}
            />
          ) : null}
        </SettingsGroup>
        {readOnly ? null : (
          <PageFormActions
            error={save.error}
            saved={save.isSuccess}
            savedMessage={t('settings.saved')}
            loading={save.isPending}
          >
            <Button variant="default" onClick={() => setValues(security)}>
              {t('settings.revert')}
            </Button>
          </PageFormActions>
        )}
      </Stack>
    </form>
  );
}
