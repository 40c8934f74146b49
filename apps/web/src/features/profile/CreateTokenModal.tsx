import { Button, Checkbox, Group, Modal, NumberInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createApiTokenRequest, createApiTokenResponse } from '@vigil/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api } from '../../api/client.js';
import { useActiveSession } from '../../api/session.js';
import { ModalFormActions } from '../../components/ModalFormActions.js';
import { SecretValue } from '../../components/SecretValue.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { permissionLabel } from '../../lib/permissions.js';
import { type FieldErrors, fieldErrors, hasErrors } from '../../lib/validation.js';
import { tokensKey } from './api.js';

type CreateToken = z.input<typeof createApiTokenRequest>;

const DEFAULT_EXPIRY_DAYS = 90;
const expirySchema = createApiTokenRequest.shape.expiresInDays;
const EXPIRY = { min: expirySchema.minValue ?? 1, max: expirySchema.maxValue ?? 366 };

interface CreateTokenModalProps {
  opened: boolean;
  onClose: () => void;
}

/** Creates an API token limited to a subset of the user's own permissions; shows it once. */
export function CreateTokenModal({ opened, onClose }: CreateTokenModalProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useActiveSession();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [permissions, setPermissions] = useState<string[]>([]);
  const [expiresInDays, setExpiresInDays] = useState<number | string>(DEFAULT_EXPIRY_DAYS);
  const [errors, setErrors] = useState<FieldErrors>({});

  const create = useMutation({
    mutationFn: (body: CreateToken) => api.post('/api/me/tokens', createApiTokenResponse, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });

  const close = () => {
    setName('');
    setPermissions([]);
    setExpiresInDays(DEFAULT_EXPIRY_DAYS);
    setErrors({});
    create.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: CreateToken = { name, permissions, expiresInDays: Number(expiresInDays) };
    const next = fieldErrors(createApiTokenRequest, body, t);
    setErrors(next);
    if (!hasErrors(next)) create.mutate(body);
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
      opened={opened}
      onClose={close}
      title={t('tokens.create')}
      size="lg"
      centered
    >
      {create.data ? (
        <Stack>
          <SecretValue
            label={t('tokens.token')}
            value={create.data.token}
            testId="api-token"
            warning={t('tokens.shownOnce')}
          />
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label={t('tokens.name')}
              description={t('tokens.nameHint')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
              data-autofocus
              required
            />
            <Checkbox.Group
              label={t('tokens.permissions')}
              description={t('tokens.permissionsHint')}
              value={permissions}
              onChange={setPermissions}
              error={errors.permissions}
              required
            >
              <Stack gap="xs" mt="xs">
                {session.permissions.map((permission) => (
                  <Checkbox
                    key={permission}
                    value={permission}
                    label={`${permissionLabel(permission, language)} (${permission})`}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
            <NumberInput
              label={t('tokens.expiresInDays')}
              description={t('tokens.expiresInDaysHint', EXPIRY)}
              value={expiresInDays}
              onChange={setExpiresInDays}
              min={EXPIRY.min}
              max={EXPIRY.max}
              allowDecimal={false}
              error={errors.expiresInDays}
              required
            />
            <ModalFormActions
              error={create.error}
              onCancel={close}
              submitLabel={t('tokens.createSubmit')}
              loading={create.isPending}
            />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
