import type { RiskMethodologyDefinition } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { useUserOptions } from '../../org/useUserOptions.js';
import { useRoleLabel } from '../../roles/api.js';
import { useBilingual } from '../labels.js';
import { levelByKey } from '../rating.js';

/** The acceptance criteria (可接受風險判定準則) as sentences in the UI language. */
export function useAcceptanceText(definition: RiskMethodologyDefinition): string[] {
  const { t } = useTranslation();
  const text = useBilingual();
  const roleLabel = useRoleLabel();
  const users = useUserOptions();
  const { ownerMaxLevel, approver, approverMaxLevel } = definition.acceptance;
  const levelName = (key: string | null) => text(levelByKey(definition, key));
  const approverName =
    approver.kind === 'role'
      ? t('risks.methodology.approverRole', { role: roleLabel(approver.roleId) })
      : (users.nameOf(approver.userId) ?? t('risks.methodology.approverUserUnknown'));
  return [
    ownerMaxLevel
      ? t('risks.methodology.ownerMay', { level: levelName(ownerMaxLevel) })
      : t('risks.methodology.ownerMayNot'),
    approverMaxLevel
      ? t('risks.methodology.approverMay', { approver: approverName, level: levelName(approverMaxLevel) })
      : t('risks.methodology.approverMayNot', { approver: approverName }),
    t('risks.methodology.aboveNobody'),
  ];
}
