import { useTranslation } from 'react-i18next';
import { type Language, toSupportedLanguage } from './index.js';

/** The current UI language; components using it re-render when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return toSupportedLanguage(i18n.resolvedLanguage ?? i18n.language);
}
