import { Button, Group, Modal, MultiSelect, Select, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  SOA_IMPLEMENTATION_STATUSES,
  type SoaEntryView,
  type SoaImplementationStatus,
  soaResponse,
} from '@vigil/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import { ModalFormActions } from '../../../components/ModalFormActions.js';
import { complianceKey, soaPath, useControls } from '../api.js';

/** Edits one Annex A row of a draft: applicability, justification, implementation and linked controls. */
export function SoaEntryModal({
  soaId,
  entry,
  onClose,
}: {
  soaId: string;
  entry: SoaEntryView;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const zh = (i18n.resolvedLanguage ?? i18n.language) === 'zh-TW';
  const queryClient = useQueryClient();
  const controls = useControls();
  const [applicable, setApplicable] = useState(entry.applicable);
  const [justification, setJustification] = useState(entry.justification);
  const [implementation, setImplementation] = useState<SoaImplementationStatus>(entry.implementation);
  const [controlIds, setControlIds] = useState(entry.controls.map((c) => c.id));
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      api.patch(`${soaPath(soaId)}/entries`, soaResponse, {
        entries: [
          { ref: entry.ref, applicable, justification: justification.trim(), implementation, controlIds },
        ],
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: complianceKey });
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = !justification.trim();
    setError(missing ? t('compliance.soa.justificationRequired') : null);
    if (!missing) save.mutate();
  };
  const options = [
    ...new Map([
      ...(controls.data?.items ?? []).map((c) => [c.id, `${c.code} ${c.name}`] as const),
      ...entry.controls.map((c) => [c.id, `${c.code} ${c.name}`] as const),
    ]).entries(),
  ].map(([value, label]) => ({ value, label }));

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('compliance.closeDialog') }}
      opened
      onClose={onClose}
      title={`${entry.ref} ${zh ? entry.titleZh : entry.titleEn}`}
      centered
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Switch
            label={t('compliance.soa.applicable')}
            checked={applicable}
            onChange={(e) => setApplicable(e.currentTarget.checked)}
          />
          <Textarea
            label={t('compliance.soa.justification')}
            value={justification}
            onChange={(e) => setJustification(e.currentTarget.value)}
            error={error}
            required
            autosize
            minRows={2}
          />
          <Select
            label={t('compliance.soa.implementation')}
            data={SOA_IMPLEMENTATION_STATUSES.map((v) => ({
              value: v,
              label: t(`compliance.soa.implementations.${v}`),
            }))}
            value={implementation}
            onChange={(v) =>
              setImplementation(SOA_IMPLEMENTATION_STATUSES.find((x) => x === v) ?? 'not_implemented')
            }
            allowDeselect={false}
          />
          <MultiSelect
            label={t('compliance.soa.controls')}
            data={options}
            value={controlIds}
            onChange={setControlIds}
            searchable
            clearable
          />
          {entry.suggestedControls.filter((c) => !controlIds.includes(c.id)).length > 0 ? (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t('compliance.soa.suggested')}
              </Text>
              {entry.suggestedControls
                .filter((c) => !controlIds.includes(c.id))
                .map((c) => (
                  <Group key={c.id} gap="xs">
                    <Text size="sm">{`${c.code} ${c.name}`}</Text>
                    <Button
                      size="compact-xs"
                      variant="light"
                      onClick={() => setControlIds([...controlIds, c.id])}
                    >
                      {t('compliance.result.attach')}
                    </Button>
                  </Group>
                ))}
            </Stack>
          ) : null}
          <ModalFormActions
            error={save.error}
            onCancel={onClose}
            submitLabel={t('compliance.save')}
            loading={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
