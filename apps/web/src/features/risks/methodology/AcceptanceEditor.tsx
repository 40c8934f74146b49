import { Fieldset, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import type { RiskAcceptanceCriteria, RiskLevelDefinition } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { useUserOptions } from '../../org/useUserOptions.js';
import { useRoleOptions } from '../../roles/api.js';
import { useBilingual } from '../labels.js';

interface AcceptanceEditorProps {
  criteria: RiskAcceptanceCriteria;
  levels: readonly RiskLevelDefinition[];
  onChange: (criteria: RiskAcceptanceCriteria) => void;
}

/** 可接受風險判定準則: the highest level a risk owner may accept, and who may accept above that, up to where. */
export function AcceptanceEditor({ criteria, levels, onChange }: AcceptanceEditorProps) {
  const { t } = useTranslation();
  const text = useBilingual();
  const roleOptions = useRoleOptions();
  const users = useUserOptions();
  const NONE = '__none__';
  const levelOptions = [
    { value: NONE, label: t('risks.methodology.nobody') },
    ...levels.map((l) => ({ value: l.key, label: text(l) || l.key })),
  ];
  const approver = criteria.approver;
  return (
    <Fieldset legend={t('risks.methodology.acceptance')}>
      <Stack gap="sm">
        <Select
          label={t('risks.methodology.ownerMaxLevel')}
          data={levelOptions}
          value={criteria.ownerMaxLevel ?? NONE}
          onChange={(v) => onChange({ ...criteria, ownerMaxLevel: v && v !== NONE ? v : null })}
          allowDeselect={false}
          w={260}
        />
        <Text size="sm" fw={500} id="approver-kind-label">
          {t('risks.methodology.approver')}
        </Text>
        <SegmentedControl
          aria-labelledby="approver-kind-label"
          value={approver.kind}
          onChange={(kind) =>
            onChange({
              ...criteria,
              approver:
                kind === 'user'
                  ? { kind: 'user', userId: users.options[0]?.value ?? '' }
                  : { kind: 'role', roleId: 'admin' },
            })
          }
          data={[
            { value: 'role', label: t('risks.methodology.approverKinds.role') },
            { value: 'user', label: t('risks.methodology.approverKinds.user') },
          ]}
          w="fit-content"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {approver.kind === 'role' ? (
            <Select
              label={t('risks.methodology.approverRoleLabel')}
              data={roleOptions}
              value={approver.roleId}
              onChange={(roleId) => roleId && onChange({ ...criteria, approver: { kind: 'role', roleId } })}
              allowDeselect={false}
              searchable
            />
          ) : (
            <Select
              label={t('risks.methodology.approverUserLabel')}
              data={users.options}
              value={approver.userId || null}
              onChange={(userId) => userId && onChange({ ...criteria, approver: { kind: 'user', userId } })}
              allowDeselect={false}
              searchable
            />
          )}
          <Select
            label={t('risks.methodology.approverMaxLevel')}
            data={levelOptions}
            value={criteria.approverMaxLevel ?? NONE}
            onChange={(v) => onChange({ ...criteria, approverMaxLevel: v && v !== NONE ? v : null })}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('risks.methodology.acceptanceHint')}
        </Text>
      </Stack>
    </Fieldset>
  );
}
