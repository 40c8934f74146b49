import type { Notice } from './notify.service.js';

export type MailLocale = 'zh-TW' | 'en';

/** The recipient's language: English only when the user chose it; Traditional Chinese otherwise. */
export function recipientLocale(userLocale: string | null): MailLocale {
  return userLocale === 'en' ? 'en' : 'zh-TW';
}

/** A path inside Vigil made absolute with the public URL; the bare path when no public URL is set. */
export function absoluteLink(publicUrl: string, path: string | undefined): string | null {
  if (!path) return null;
  if (!path.startsWith('/') || path.startsWith('//'))
    throw new Error(`notice link must be a path inside Vigil, got ${path}`);
  return publicUrl ? `${publicUrl.replace(/\/+$/, '')}${path}` : path;
}

const WORDS = {
  en: { open: 'Open in Vigil', footer: 'This message was sent automatically by Vigil; please do not reply.' },
  'zh-TW': { open: '在 Vigil 開啟', footer: '本信件由 Vigil 系統自動寄出，請勿直接回覆。' },
} as const;

const MAX_SUBJECT = 300;
const MAX_BODY = 20_000;

/** Subject and plain-text body of one notice in one language. */
export function renderNotice(
  notice: Pick<Notice, 'subject' | 'body'>,
  locale: MailLocale,
  link: string | null,
): { subject: string; body: string } {
  // A header line: no line breaks, whatever the caller passed.
  const subject = notice.subject[locale]
    .replace(/[\r\n]+/g, ' ')
    .trim()
    .slice(0, MAX_SUBJECT);
  const words = WORDS[locale];
  const parts = [notice.body[locale].trim().slice(0, MAX_BODY)];
  if (link) parts.push(`${words.open}: ${link}`);
  parts.push(`-- \n${words.footer}`);
  return { subject: `[Vigil] ${subject}`, body: parts.join('\n\n') };
}
