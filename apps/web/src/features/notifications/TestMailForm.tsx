import { Alert, Button, Card, Group, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendTestMailRequest, sendTestMailResponse } from '@vigil/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { type FieldErrors, fieldErrors, hasErrors } from '../../lib/validation.js';
import { outboxKey } from './api.js';

/** Sends one message now with the saved settings and shows the relay's answer. */
export function TestMailForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [to, setTo] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const send = useMutation({
    mutationFn: (body: { to?: string }) => api.post('/api/notifications/test', sendTestMailResponse, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: outboxKey }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = to.trim() ? { to: to.trim() } : {};
    const next = fieldErrors(sendTestMailRequest, body, t);
    setErrors(next);
    if (!hasErrors(next)) send.mutate(body);
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="notifications-test">
      <Title order={2} size="h4" mb="md" id="notifications-test">
        {t('notifications.sections.test')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Group align="flex-end">
            <TextInput
              label={t('notifications.fields.testTo')}
              description={t('notifications.fields.testToHint')}
              type="email"
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
              error={errors.to}
              w={360}
            />
            <Button type="submit" variant="default" loading={send.isPending}>
              {t('notifications.sendTest')}
            </Button>
          </Group>
          <ErrorAlert error={send.error} />
          {send.data ? (
            <Alert color="teal" variant="light" role="status">
              {t('notifications.testSent', { to: send.data.to })}
            </Alert>
          ) : null}
        </Stack>
      </form>
    </Card>
  );
}
