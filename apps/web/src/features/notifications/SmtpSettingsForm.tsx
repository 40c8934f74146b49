import {
  Button,
  Card,
  Checkbox,
  NumberInput,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type NotificationSettingsView,
  notificationSettingsResponse,
  type SmtpSecurity,
  smtpSecurity,
  type UpdateNotificationSettingsRequest,
  updateNotificationSettingsRequest,
} from '@vigil/contracts';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { PageFormActions } from '../../components/PageFormActions.js';
import { type FieldErrors, fieldErrors, hasErrors } from '../../lib/validation.js';
import { notificationSettingsKey, outboxKey } from './api.js';

type FormValues = Omit<NotificationSettingsView, 'passwordSet' | 'defaultPublicUrl'>;

const DEFAULT_PORTS: Record<SmtpSecurity, number> = { none: 25, starttls: 587, tls: 465 };

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" mb="md" id={id}>
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>{children}</SimpleGrid>
    </Card>
  );
}

function valuesOf(s: NotificationSettingsView): FormValues {
  const { passwordSet: _set, defaultPublicUrl: _default, ...rest } = s;
  return rest;
}

/** The SMTP relay, sender and public-address settings; the password is write-only. */
export function SmtpSettingsForm({ settings }: { settings: NotificationSettingsView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<FormValues>(() => valuesOf(settings));
  const [password, setPassword] = useState('');
  const [removePassword, setRemovePassword] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});

  const save = useMutation({
    mutationFn: (body: UpdateNotificationSettingsRequest) =>
      api.put('/api/notifications/settings', notificationSettingsResponse, body),
    onSuccess: (result) => {
      queryClient.setQueryData(notificationSettingsKey, result);
      setValues(valuesOf(result)); // the server's normalised form (e.g. no trailing slash)
      void queryClient.invalidateQueries({ queryKey: outboxKey });
      setPassword('');
      setRemovePassword(false);
    },
  });

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) =>
    setValues({ ...values, [key]: value });
  const text = (key: 'host' | 'username' | 'fromAddress' | 'fromName' | 'publicUrl', hint?: string) => (
    <TextInput
      label={t(`notifications.fields.${key}`)}
      description={hint}
      value={values[key]}
      onChange={(e) => set(key, e.currentTarget.value)}
      error={errors[key]}
      required={
        values.enabled &&
        (key === 'host' || key === 'fromAddress' || (key === 'publicUrl' && !settings.defaultPublicUrl))
      }
      placeholder={key === 'publicUrl' ? (settings.defaultPublicUrl ?? undefined) : undefined}
      type={key === 'fromAddress' ? 'email' : key === 'publicUrl' ? 'url' : 'text'}
    />
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: UpdateNotificationSettingsRequest = {
      ...values,
      ...(removePassword ? { password: null } : password ? { password } : {}),
    };
    const next = fieldErrors(updateNotificationSettingsRequest, body, t);
    setErrors(next);
    if (!hasErrors(next)) save.mutate(body);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Switch
          label={t('notifications.fields.enabled')}
          checked={values.enabled}
          onChange={(e) => set('enabled', e.currentTarget.checked)}
        />
        <Section id="notifications-server" title={t('notifications.sections.server')}>
          {text('host')}
          <NumberInput
            label={t('notifications.fields.port')}
            value={values.port}
            onChange={(v) => set('port', typeof v === 'number' ? v : Number.NaN)}
            min={1}
            max={65535}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            error={errors.port}
            required
          />
          <Select
            label={t('notifications.fields.security')}
            data={smtpSecurity.options.map((s) => ({ value: s, label: t(`notifications.security.${s}`) }))}
            value={values.security}
            onChange={(v) => {
              const parsed = smtpSecurity.safeParse(v);
              if (parsed.success)
                setValues({ ...values, security: parsed.data, port: DEFAULT_PORTS[parsed.data] });
            }}
            allowDeselect={false}
          />
          {text('username', t('notifications.fields.usernameHint'))}
          <PasswordInput
            label={t('notifications.fields.password')}
            description={
              settings.passwordSet
                ? t('notifications.fields.passwordSet')
                : t('notifications.fields.passwordNotSet')
            }
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            disabled={removePassword}
            autoComplete="new-password"
            error={errors.password}
          />
          {settings.passwordSet ? (
            <Checkbox
              mt="xl"
              label={t('notifications.fields.removePassword')}
              checked={removePassword}
              onChange={(e) => setRemovePassword(e.currentTarget.checked)}
            />
          ) : (
            <span />
          )}
          <Switch
            label={t('notifications.fields.verifyCertificate')}
            description={t('notifications.fields.verifyCertificateHint')}
            checked={values.verifyCertificate}
            onChange={(e) => set('verifyCertificate', e.currentTarget.checked)}
          />
        </Section>
        <Section id="notifications-sender" title={t('notifications.sections.sender')}>
          {text('fromAddress')}
          {text('fromName')}
          {text('publicUrl', t('notifications.fields.publicUrlHint'))}
        </Section>
        <PageFormActions
          error={save.error}
          saved={save.isSuccess}
          savedMessage={t('notifications.saved')}
          loading={save.isPending}
        >
          <Button
            variant="default"
            onClick={() => {
              setValues(valuesOf(settings));
              setPassword('');
              setRemovePassword(false);
              setErrors({});
            }}
          >
            {t('notifications.revert')}
          </Button>
        </PageFormActions>
      </Stack>
    </form>
  );
}
