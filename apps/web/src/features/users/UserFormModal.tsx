import { Button, Group, Modal, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  createUserRequest,
  createUserResponse,
  type UserSummary,
  updateUserRequest,
  userSummary,
} from '@vigil/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api } from '../../api/client.js';
import { ModalFormActions } from '../../components/ModalFormActions.js';
import { PasswordField } from '../../components/PasswordField.js';
import { SecretValue } from '../../components/SecretValue.js';
import { type FieldErrors, fieldErrors, hasErrors } from '../../lib/validation.js';
import { useRoleOptions } from '../roles/api.js';
import { usersKey } from './api.js';
import { useUnitOptions } from './useUnitOptions.js';

type CreateUser = z.input<typeof createUserRequest>;
type UpdateUser = z.input<typeof updateUserRequest>;

interface UserFormModalProps {
  /** The user to edit; null creates a new one. */
  user: UserSummary | null;
  opened: boolean;
  onClose: () => void;
}

/** Creates a user (showing the generated temporary password once) or edits one. */
export function UserFormModal({ user, opened, onClose }: UserFormModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const roleOptions = useRoleOptions();
  const { options: unitOptions } = useUnitOptions();
  const [username, setUsername] = useState(user?.username ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [roles, setRoles] = useState<string[]>(user?.roles ?? []);
  const [unitId, setUnitId] = useState<string | null>(user?.unitId ?? null);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const updateBody = (): UpdateUser => ({ displayName, email: email.trim() || null, roles, unitId });
  const createBody = (): CreateUser => ({
    username,
    displayName,
    roles,
    unitId,
    ...(email.trim() ? { email: email.trim() } : {}),
    ...(password ? { password } : {}),
  });

  const save = useMutation({
    mutationFn: async (): Promise<string | null> => {
      if (user) {
        await api.patch(`/api/users/${encodeURIComponent(user.id)}`, userSummary, updateBody());
        return null;
      }
      const created = await api.post('/api/users', createUserResponse, createBody());
      return created.temporaryPassword;
    },
    onSuccess: async (temporaryPassword) => {
      await queryClient.invalidateQueries({ queryKey: usersKey });
      if (!temporaryPassword) onClose();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = user
      ? fieldErrors(updateUserRequest, updateBody(), t)
      : fieldErrors(createUserRequest, createBody(), t);
    setErrors(next);
    if (!hasErrors(next)) save.mutate();
  };

  const title = user ? t('users.editTitle', { name: user.displayName }) : t('users.createTitle');

  if (save.data) {
    return (
      <Modal
        closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
        opened={opened}
        onClose={onClose}
        title={t('users.created')}
        centered
        size="lg"
      >
        <Stack>
          <SecretValue
            label={t('users.temporaryPassword')}
            value={save.data}
            testId="temporary-password"
            warning={t('users.temporaryPasswordWarning')}
          />
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('common.done')}</Button>
          </Group>
        </Stack>
      </Modal>
    );
  }

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
      opened={opened}
      onClose={onClose}
      title={title}
      centered
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {user ? null : (
            <TextInput
              label={t('login.username')}
              description={t('users.usernameHint')}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              error={errors.username}
              autoComplete="off"
              data-autofocus
              required
            />
          )}
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
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
          />
          <MultiSelect
            label={t('users.roles')}
            data={roleOptions}
            value={roles}
            onChange={setRoles}
            error={errors.roles}
            searchable
            required
          />
          <Select
            label={t('users.unit')}
            data={unitOptions}
            value={unitId}
            onChange={setUnitId}
            placeholder={unitOptions.length === 0 ? t('users.noUnits') : t('users.noUnit')}
            disabled={unitOptions.length === 0}
            searchable
            clearable
            error={errors.unitId}
          />
          {user ? null : (
            <PasswordField
              label={t('users.initialPassword')}
              description={t('users.initialPasswordHint')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete="new-password"
              error={errors.password}
            />
          )}
          <ModalFormActions
            error={save.error}
            onCancel={onClose}
            submitLabel={user ? t('common.save') : t('users.create')}
            loading={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
