import assetsEn from '../features/assets/locales/en.json' with { type: 'json' };
import assetsZh from '../features/assets/locales/zh-TW.json' with { type: 'json' };
import risksEn from '../features/risks/locales/en.json' with { type: 'json' };
import risksZh from '../features/risks/locales/zh-TW.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import zhTW from './zh-TW.json' with { type: 'json' };

/**
 * The translation trees. Platform strings live in `en.json` / `zh-TW.json`; a feature with many strings
 * keeps its own pair in `features/<feature>/locales/` and appears here under its own top-level key.
 */
export const translationEn = { ...en, assets: assetsEn, risks: risksEn };
export const translationZhTW: typeof translationEn = { ...zhTW, assets: assetsZh, risks: risksZh };
