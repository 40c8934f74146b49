import { Checkbox, Modal, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createRoleRequest, type RoleView, roleResponse, updateRoleRequest } from '@vigil/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api } from '../../api/client.js';
import { ModalFormActions } from '../../components/ModalFormActions.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { type FieldErrors, fieldErrors, hasErrors } from '../../lib/validation.js';
import { rolesKey } from './api.js';

interface RoleFormModalProps {
  /** The custom role to edit; null creates one. Built-in roles never reach this form. */
  role: RoleView | null;
  permissions: { name: string; en: string; zh: string }[];
  onClose: () => void;
}

type RoleFields = Omit<z.input<typeof createRoleRequest>, 'permissions'>;

export function RoleFormModal({ role, permissions, onClose }: RoleFormModalProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [fields, setFields] = useState<Required<RoleFields>>({
    id: role?.id ?? '',
    nameEn: role?.nameEn ?? '',
    nameZh: role?.nameZh ?? '',
    descriptionEn: role?.descriptionEn ?? '',
    descriptionZh: role?.descriptionZh ?? '',
  });
  const [granted, setGranted] = useState<string[]>(role?.permissions ?? []);
  const [errors, setErrors] = useState<FieldErrors>({});

  const { id, ...editable } = fields;
  const save = useMutation({
    mutationFn: () =>
      role
        ? api.patch(`/api/roles/${encodeURIComponent(role.id)}`, roleResponse, {
            ...editable,
            permissions: granted,
          })
        : api.post('/api/roles', roleResponse, { ...fields, permissions: granted }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: rolesKey });
      onClose();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = role
      ? fieldErrors(updateRoleRequest, { ...editable, permissions: granted }, t)
      : fieldErrors(createRoleRequest, { ...fields, permissions: granted }, t);
    setErrors(next);
    if (!hasErrors(next)) save.mutate();
  };

  const text = (name: keyof RoleFields) => ({
    value: fields[name],
    onChange: (e: { currentTarget: { value: string } }) =>
      setFields({ ...fields, [name]: e.currentTarget.value }),
    error: errors[name],
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={role ? t('roles.editTitle', { id }) : t('roles.createTitle')}
      size="xl"
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {role ? null : (
            <TextInput
              label={t('roles.id')}
              description={t('roles.idHint')}
              required
              data-autofocus
              {...text('id')}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('roles.nameZh')} required lang="zh-TW" {...text('nameZh')} />
            <TextInput label={t('roles.nameEn')} required lang="en" {...text('nameEn')} />
            <Textarea
              label={t('roles.descriptionZh')}
              autosize
              minRows={2}
              lang="zh-TW"
              {...text('descriptionZh')}
            />
            <Textarea
              label={t('roles.descriptionEn')}
              autosize
              minRows={2}
              lang="en"
              {...text('descriptionEn')}
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t('roles.permissions')}
            value={granted}
            onChange={setGranted}
            error={errors.permissions}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
              {permissions.map((permission) => (
                <Checkbox
                  key={permission.name}
                  value={permission.name}
                  label={language === 'zh-TW' ? permission.zh : permission.en}
                  description={permission.name}
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <ModalFormActions
            error={save.error}
            onCancel={onClose}
            submitLabel={role ? t('common.save') : t('roles.create')}
            loading={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
