import type { SmtpSettings } from '@vigil/contracts';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  locale: string;
}

/** One SMTP connection setup (per delivery run or test mail); close it when done. */
export class Mailer {
  private readonly transport: Transporter<SMTPTransport.SentMessageInfo>;

  constructor(
    private readonly settings: SmtpSettings,
    password: string | null,
  ) {
    const options: SMTPTransport.Options = {
      host: settings.host,
      port: settings.port,
      secure: settings.security === 'tls',
      requireTLS: settings.security === 'starttls',
      ignoreTLS: settings.security === 'none',
      tls: { rejectUnauthorized: settings.verifyCertificate },
      // Never hang a delivery run on a silent relay.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
      ...(settings.username ? { auth: { user: settings.username, pass: password ?? '' } } : {}),
    };
    this.transport = nodemailer.createTransport(options);
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({
      from: this.settings.fromName
        ? { name: this.settings.fromName, address: this.settings.fromAddress }
        : this.settings.fromAddress,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': mail.locale },
    });
  }

  close(): void {
    this.transport.close();
  }
}

/** An SMTP failure as one line for the outbox and the admin (never contains the password). */
export function describeMailError(err: unknown): string {
  const e = err as { code?: unknown; responseCode?: unknown; message?: unknown } | null;
  const message = typeof e?.message === 'string' ? e.message : String(err);
  const code = typeof e?.code === 'string' ? `${e.code}: ` : '';
  return `${code}${message}`.replace(/\s+/g, ' ').slice(0, 500);
}
