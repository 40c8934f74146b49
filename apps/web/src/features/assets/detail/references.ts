import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import en from '../locales/en.json' with { type: 'json' };

type ReferenceKey = keyof typeof en.references;

function isReference(kind: string): kind is ReferenceKey {
  return Object.hasOwn(en.references, kind);
}

/** The kind of record that still refers to an archived asset, in the UI language. */
export function useReferenceLabel() {
  const { t } = useTranslation();
  return useCallback((kind: string) => (isReference(kind) ? t(`assets.references.${kind}`) : kind), [t]);
}
