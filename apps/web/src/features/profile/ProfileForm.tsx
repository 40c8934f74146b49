import { Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Locale, type Profile, profileResponse, updateProfileRequest } from '@vigil/contracts';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api } from '../../api/client.js';
import { sessionKey } from '../../api/session.js';
import { PageFormActions } from '../../components/PageFormActions.js';
import { LANGUAGES, setLanguage } from '../../i18n/index.js';
import { DEFAULT_TIME_ZONE, timeZoneNames } from '../../lib/time.js';
import { useFormatDateTime } from '../../lib/useDateTime.js';
import { type FieldErrors, fieldErrors, hasErrors } from '../../lib/validation.js';
import { profileKey } from './api.js';

type UpdateProfile = z.input<typeof updateProfileRequest>;

function isLocale(value: string | null): value is Locale {
  return value === 'zh-TW' || value === 'en';
}

/** Display name, email, language and time zone of the signed-in user. */
export function ProfileForm({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formatDateTime = useFormatDateTime();
  const zones = useMemo(() => timeZoneNames(), []);
  const [displayName, setDisplayName] = useState(profile.displayName);
  const [email, setEmail] = useState(profile.email ?? '');
  const [locale, setLocale] = useState<string | null>(profile.locale);
  const [timeZone, setTimeZone] = useState<string | null>(profile.timeZone ?? DEFAULT_TIME_ZONE);
  const [errors, setErrors] = useState<FieldErrors>({});

  const save = useMutation({
    mutationFn: (body: UpdateProfile) => api.patch('/api/me', profileResponse, body),
    onSuccess: async (updated) => {
      queryClient.setQueryData(profileKey, updated);
      if (updated.locale) setLanguage(updated.locale);
      // The session carries the display name and time zone used across the app.
      await queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: UpdateProfile = {
      displayName,
      email: email.trim() ? email.trim() : null,
      locale: isLocale(locale) ? locale : null,
      timeZone: timeZone ?? null,
    };
    const next = fieldErrors(updateProfileRequest, body, t);
    setErrors(next);
    if (!hasErrors(next)) save.mutate(body);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('profile.usernameLine', { username: profile.username })} ·{' '}
          {t('profile.lastLogin', { time: formatDateTime(profile.lastLoginAt) })}
        </Text>
        <TextInput
          label={t('users.displayName')}
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
          error={errors.displayName}
          required
        />
        <TextInput
          label={t('users.email')}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={errors.email}
        />
        <Select
          label={t('profile.language')}
          description={t('profile.languageHint')}
          data={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
          value={locale}
          onChange={setLocale}
          placeholder={t('profile.languageBrowser')}
          clearable
          error={errors.locale}
        />
        <Select
          label={t('profile.timeZone')}
          data={zones}
          value={timeZone}
          onChange={setTimeZone}
          searchable
          allowDeselect={false}
          nothingFoundMessage={t('common.nothingFound')}
          error={errors.timeZone}
        />
        <PageFormActions
          error={save.error}
          saved={save.isSuccess}
          savedMessage={t('profile.saved')}
          loading={save.isPending}
        />
      </Stack>
    </form>
  );
}
