import type { MailLocale } from '../../platform/notify/render.js';

/** The test message in the administrator's language. */
export function testMail(locale: MailLocale, publicUrl: string): { subject: string; body: string } {
  const where = publicUrl || '—';
  return locale === 'en'
    ? {
        subject: '[Vigil] Test message',
        body: `This is a test message from Vigil. If you can read it, outgoing e-mail works.\n\nLinks in notices will start with: ${where}`,
      }
    : {
        subject: '[Vigil] 測試信件',
        body: `這是 Vigil 寄出的測試信件。您能讀到這封信，表示寄送電子郵件的設定正常。\n\n通知信中的連結將以此開頭：${where}`,
      };
}
