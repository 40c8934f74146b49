import {
  ASSET_STATUSES,
  ASSET_TYPES,
  IDENTIFIER_KINDS,
  INFORMATION_CLASSES,
  PROTECTION_LEVELS,
} from '@vigil/contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserOptions } from '../../org/useUserOptions.js';
import { useUnitOptions } from '../../users/useUnitOptions.js';
import { useClassificationName } from '../labels.js';
import en from '../locales/en.json' with { type: 'json' };
import { PROTECTION_DIMENSIONS } from '../valuation.js';

type FieldKey = keyof typeof en.fields;
type ActionKey = keyof typeof en.history.actions;

function isField(name: string): name is FieldKey {
  return Object.hasOwn(en.fields, name);
}

function isAction(name: string): name is ActionKey {
  return Object.hasOwn(en.history.actions, name);
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T | null {
  return values.find((v) => v === value) ?? null;
}

/** A changed field's name in the UI language; a field this UI does not know shows as sent. */
export function useFieldLabel() {
  const { t } = useTranslation();
  return useCallback((field: string) => (isField(field) ? t(`assets.fields.${field}`) : field), [t]);
}

/** An audit action (`asset.update`) in the UI language. */
export function useHistoryAction() {
  const { t } = useTranslation();
  return useCallback(
    (action: string) => {
      const key = action.replace(/^asset\./, '').replace(/\./g, '_');
      return isAction(key) ? t(`assets.history.actions.${key}`) : action;
    },
    [t],
  );
}

/**
 * A before/after value of a field as a person reads it: choices in the UI language, people and units by
 * name where they can be looked up, empty as a dash, flags as yes/no, lists joined.
 */
export function useShowValue() {
  const { t } = useTranslation();
  const users = useUserOptions();
  const units = useUnitOptions();
  const classificationName = useClassificationName();
  return useCallback(
    function show(value: unknown, field?: string): string {
      if (value === null || value === undefined || value === '') return '—';
      if (typeof value === 'boolean') return value ? t('assets.yes') : t('assets.no');
      if (Array.isArray(value)) {
        return value.length === 0 ? '—' : value.map((v) => show(v, field)).join(t('common.listSeparator'));
      }
      if (typeof value === 'object') {
        const record = value as Record<string, unknown>;
        const kind = oneOf(IDENTIFIER_KINDS, record.kind);
        if (kind && typeof record.value === 'string')
          return `${t(`assets.identifierKinds.${kind}`)}: ${record.value}`;
        if (field === 'protectionAnswers') {
          return PROTECTION_DIMENSIONS.map((d) => {
            const level = oneOf(PROTECTION_LEVELS, record[d]);
            return `${t(`assets.fields.${d}`)} ${level ? t(`assets.protection.${level}`) : '—'}`;
          }).join(t('common.listSeparator'));
        }
        return Object.entries(record)
          .map(([k, v]) => `${k}: ${show(v)}`)
          .join(t('common.listSeparator'));
      }
      const text = String(value);
      switch (field) {
        case 'type': {
          const type = oneOf(ASSET_TYPES, value);
          return type ? t(`assets.types.${type}`) : text;
        }
        case 'status': {
          const status = oneOf(ASSET_STATUSES, value);
          return status ? t(`assets.statuses.${status}`) : text;
        }
        case 'informationClass': {
          const cls = oneOf(INFORMATION_CLASSES, value);
          return cls ? t(`assets.informationClasses.${cls}`) : text;
        }
        case 'protectionLevel': {
          const level = oneOf(PROTECTION_LEVELS, value);
          return level ? t(`assets.protection.${level}`) : text;
        }
        case 'classification':
          return classificationName(text);
        case 'ownerId':
        case 'custodianId':
          return users.nameOf(text) ?? text;
        case 'unitId':
          return units.nameOf(text) || text;
        default:
          return text;
      }
    },
    [t, users, units, classificationName],
  );
}
