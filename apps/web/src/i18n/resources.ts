import assetsEn from '../features/assets/locales/en.json' with { type: 'json' };
import assetsZh from '../features/assets/locales/zh-TW.json' with { type: 'json' };
import complianceEn from '../features/compliance/locales/en.json' with { type: 'json' };
import complianceZh from '../features/compliance/locales/zh-TW.json' with { type: 'json' };
import documentsEn from '../features/documents/locales/en.json' with { type: 'json' };
import documentsZh from '../features/documents/locales/zh-TW.json' with { type: 'json' };
import frameworksEn from '../features/frameworks/locales/en.json' with { type: 'json' };
import frameworksZh from '../features/frameworks/locales/zh-TW.json' with { type: 'json' };
import notificationsEn from '../features/notifications/locales/en.json' with { type: 'json' };
import notificationsZh from '../features/notifications/locales/zh-TW.json' with { type: 'json' };
import obligationsEn from '../features/obligations/locales/en.json' with { type: 'json' };
import obligationsZh from '../features/obligations/locales/zh-TW.json' with { type: 'json' };
import regulationsEn from '../features/regulations/locales/en.json' with { type: 'json' };
import regulationsZh from '../features/regulations/locales/zh-TW.json' with { type: 'json' };
import risksEn from '../features/risks/locales/en.json' with { type: 'json' };
import risksZh from '../features/risks/locales/zh-TW.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import zhTW from './zh-TW.json' with { type: 'json' };

/**
 * The translation trees. Platform strings live in `en.json` / `zh-TW.json`; a feature with many strings
 * keeps its own pair in `features/<feature>/locales/` and appears here under its own top-level key.
 */
export const translationEn = {
  ...en,
  assets: assetsEn,
  risks: risksEn,
  compliance: complianceEn,
  documents: documentsEn,
  frameworks: frameworksEn,
  notifications: notificationsEn,
  obligations: obligationsEn,
  regulations: regulationsEn,
};
export const translationZhTW: typeof translationEn = {
  ...zhTW,
  assets: assetsZh,
  risks: risksZh,
  compliance: complianceZh,
  documents: documentsZh,
  frameworks: frameworksZh,
  notifications: notificationsZh,
  obligations: obligationsZh,
  regulations: regulationsZh,
};
