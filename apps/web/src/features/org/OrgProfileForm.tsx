import { Alert, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { organisationResponse, responsibilityLevel, updateOrganisationRequest } from '@vigil/contracts';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api } from '../../api/client.js';
import { sessionKey } from '../../api/session.js';
import { PageFormActions } from '../../components/PageFormActions.js';
import { DEFAULT_TIME_ZONE, timeZoneNames } from '../../lib/time.js';
import { useFormatDateTime } from '../../lib/useDateTime.js';
import { type FieldErrors, fieldErrors, hasErrors } from '../../lib/validation.js';
import { orgKey } from './api.js';

type Organisation = z.infer<typeof organisationResponse>;
type Level = z.infer<typeof responsibilityLevel>;
const LEVELS = responsibilityLevel.options;

function isLevel(value: string | null): value is Level {
  return LEVELS.some((l) => l === value);
}

/** Name, 資通安全責任等級 (A–E) and default time zone of the organisation. */
export function OrgProfileForm({
  organisation,
  readOnly,
}: {
  organisation: Organisation;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formatDateTime = useFormatDateTime();
  const zones = useMemo(() => timeZoneNames(), []);
  const [name, setName] = useState(organisation.name);
  const [level, setLevel] = useState<Level | null>(organisation.responsibilityLevel);
  const [timeZone, setTimeZone] = useState<string | null>(organisation.timeZone || DEFAULT_TIME_ZONE);
  const [errors, setErrors] = useState<FieldErrors>({});

  const save = useMutation({
    mutationFn: (body: z.input<typeof updateOrganisationRequest>) =>
      api.put('/api/org', organisationResponse, body),
    onSuccess: async (result) => {
      queryClient.setQueryData(orgKey, result);
      // The header shows the organisation name from the session.
      await queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { name, responsibilityLevel: level, timeZone: timeZone ?? DEFAULT_TIME_ZONE };
    const next = fieldErrors(updateOrganisationRequest, body, t);
    setErrors(next);
    if (!hasErrors(next)) save.mutate(body);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('org.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          readOnly={readOnly}
          required
        />
        <Select
          label={t('org.level')}
          description={t('org.levelHint')}
          data={LEVELS.map((l) => ({ value: l, label: t('org.levelOption', { level: l }) }))}
          value={level}
          onChange={(value) => setLevel(isLevel(value) ? value : null)}
          placeholder={t('org.levelUnset')}
          clearable={!readOnly}
          readOnly={readOnly}
          error={errors.responsibilityLevel}
        />
        {level ? (
          <Alert variant="light" color="indigo" title={t('org.levelOption', { level })}>
            {t(`org.levels.${level}`)}
          </Alert>
        ) : null}
        <Select
          label={t('org.timeZone')}
          data={zones}
          value={timeZone}
          onChange={setTimeZone}
          searchable
          allowDeselect={false}
          readOnly={readOnly}
          nothingFoundMessage={t('common.nothingFound')}
          error={errors.timeZone}
        />
        <Text size="xs" c="dimmed">
          {t('org.updatedAt', { time: formatDateTime(organisation.updatedAt) })}
        </Text>
        {readOnly ? null : (
          <PageFormActions
            error={save.error}
            saved={save.isSuccess}
            savedMessage={t('org.saved')}
            loading={save.isPending}
          />
        )}
      </Stack>
    </form>
  );
}
