import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { translationEn, translationZhTW } from './resources.js';

export const LANGUAGES = [
  { code: 'zh-TW', label: '繁體中文' },
  { code: 'en', label: 'English' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

export const LANGUAGE_STORAGE_KEY = 'vigil.language';

/** Any Chinese browser gets zh-TW, any English one gets en; other languages fall back to en. */
export function toSupportedLanguage(lng: string | undefined): Language {
  const lower = (lng ?? '').toLowerCase();
  if (lower.startsWith('zh')) return 'zh-TW';
  return 'en';
}

export function currentLanguage(): Language {
  return toSupportedLanguage(i18n.resolvedLanguage ?? i18n.language);
}

function syncDocumentLanguage(lng: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = toSupportedLanguage(lng);
}

i18n.on('languageChanged', syncDocumentLanguage);

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { en: { translation: translationEn }, 'zh-TW': { translation: translationZhTW } },
    supportedLngs: ['zh-TW', 'en'],
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: ['localStorage'],
      convertDetectedLanguage: toSupportedLanguage,
    },
  });

/** Switches the UI language and remembers it in this browser. */
export function setLanguage(lng: Language): void {
  void i18n.changeLanguage(lng);
}

export default i18n;
