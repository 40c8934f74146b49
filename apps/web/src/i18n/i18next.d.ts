import 'i18next';
import type { translationEn } from './resources.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof translationEn };
  }
}
