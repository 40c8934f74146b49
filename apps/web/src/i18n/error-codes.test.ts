import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type i18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import { ERROR_KEYS, errorMessage } from './errors.js';
import { translationEn as en, translationZhTW as zhTW } from './resources.js';

const SERVER_SRC = fileURLToPath(new URL('../../../server/src/', import.meta.url));

/** A bug in the server, never sent on purpose: the UI shows the generic message for any 5xx anyway. */
const IGNORED = new Set(['route.undeclared_access']);

const EVERYWHERE = [
  /\bnew\s+AppError\(\s*[^,()]+,\s*['"]([^'"]+)['"]/g,
  /\bconflict\(\s*['"]([^'"]+)['"]/g,
  /\bbadRequest\(\s*['"]([^'"]+)['"]/g,
];
/** The HTTP layer also builds error bodies directly (`{ code: 'request.too_large', … }`). */
const HTTP_LAYER = [/\bcode:\s*['"]([^'"]+)['"]/g];

function shippedSources(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path.relative(SERVER_SRC, full) !== 'test') files.push(...shippedSources(full));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      files.push(full);
    }
  }
  return files;
}

/** Every error code the server source can send, with the files that send it. */
function serverErrorCodes(): Map<string, string[]> {
  const codes = new Map<string, string[]>();
  for (const file of shippedSources(SERVER_SRC)) {
    const relative = path.relative(SERVER_SRC, file).split(path.sep).join('/');
    const inHttpLayer = /^http\/[^/]+\.ts$/.test(relative);
    const source = readFileSync(file, 'utf8');
    for (const pattern of inHttpLayer ? [...EVERYWHERE, ...HTTP_LAYER] : EVERYWHERE) {
      for (const match of source.matchAll(pattern)) {
        const code = match[1] ?? '';
        codes.set(code, [...new Set([...(codes.get(code) ?? []), relative])]);
      }
    }
  }
  for (const code of IGNORED) codes.delete(code);
  return codes;
}

const codes = serverErrorCodes();
const described = (list: string[]) => list.map((code) => `${code} (${codes.get(code)?.join(', ')})`);

const LANGUAGES = { en, 'zh-TW': zhTW } as const;
const translators = new Map<string, i18n>();

beforeAll(async () => {
  for (const [language, translation] of Object.entries(LANGUAGES)) {
    const instance = i18next.createInstance();
    // No fallback language: a key missing in zh-TW must not be hidden by the English text.
    await instance.init({ lng: language, fallbackLng: false, resources: { [language]: { translation } } });
    translators.set(language, instance);
  }
});

describe('error codes the server can send', () => {
  it('are found by the scan of the server source', () => {
    expect(codes.size).toBeGreaterThanOrEqual(40);
    // One code per way of raising an error, so a broken pattern cannot silently shrink the list.
    for (const code of ['auth.csrf', 'mfa.required', 'user.last_admin', 'unit.cycle', 'request.empty_body']) {
      expect([...codes.keys()]).toContain(code);
    }
  });

  it('all have an ERROR_KEYS entry', () => {
    const missing = [...codes.keys()].filter((code) => !Object.hasOwn(ERROR_KEYS, code)).sort();
    expect(described(missing), 'codes the server sends that errors.ts does not word').toEqual([]);
  });

  it.each(Object.keys(LANGUAGES))(
    'are all worded in %s instead of showing the server message',
    (language) => {
      const t = translators.get(language)?.t;
      if (!t) throw new Error(`no translator for ${language}`);
      const serverMessage = 'the English message the server sent';
      const unworded = [...codes.keys()]
        .filter((code) => {
          const shown = errorMessage(t, new ApiError(400, code, serverMessage));
          const key = (ERROR_KEYS as Record<string, string>)[code];
          return shown === serverMessage || shown === key || shown.trim() === '';
        })
        .sort();
      expect(described(unworded), `codes with no text in ${language}.json`).toEqual([]);
    },
  );

  it('are worded in Chinese in zh-TW, not copied from English', () => {
    const t = translators.get('zh-TW')?.t;
    if (!t) throw new Error('no translator for zh-TW');
    const english = [...codes.keys()]
      .filter((code) => !/\p{Script=Han}/u.test(errorMessage(t, new ApiError(400, code, ''))))
      .sort();
    expect(described(english), 'codes whose zh-TW text has no Chinese').toEqual([]);
  });
});
