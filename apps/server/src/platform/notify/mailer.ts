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
  private readonly secretForms: string[];

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
    this.secretForms = password && settings.username ? wireForms(settings.username, password) : [];
  }

  /** Sends one message; a failure's text never holds the password, even when the relay echoes the login. */
  async send(mail: OutgoingMail): Promise<void> {
    try {
      await this.sendRaw(mail);
    } catch (err) {
      throw redact(err, this.secretForms);
    }
  }

  private async sendRaw(mail: OutgoingMail): Promise<void> {
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

/** The password as typed and as it travels in AUTH LOGIN and AUTH PLAIN (base64). */
function wireForms(user: string, password: string): string[] {
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  return [
    password,
    b64(password),
    b64(`\u0000${user}\u0000${password}`),
    b64(`${user}\u0000${user}\u0000${password}`),
  ]
    .filter((x) => x.length >= 3)
    .sort((a, b) => b.length - a.length);
}

/** The error with every form of the password cut out of the texts that reach the outbox, the trail and the admin. */
function redact(err: unknown, forms: readonly string[]): unknown {
  if (forms.length === 0 || typeof err !== 'object' || err === null) return err;
  const e = err as { message?: unknown; response?: unknown; stack?: unknown };
  const cut = (text: string) => forms.reduce((t, f) => t.split(f).join('[redacted]'), text);
  if (typeof e.message === 'string') e.message = cut(e.message);
  if (typeof e.response === 'string') e.response = cut(e.response);
  if (typeof e.stack === 'string') e.stack = cut(e.stack);
  return err;
}

/** An SMTP failure as one line for the outbox and the admin (never contains the password). */
export function describeMailError(err: unknown): string {
  const e = err as { code?: unknown; responseCode?: unknown; message?: unknown } | null;
  const message = typeof e?.message === 'string' ? e.message : String(err);
  const code = typeof e?.code === 'string' ? `${e.code}: ` : '';
  return `${code}${message}`.replace(/\s+/g, ' ').slice(0, 500);
}
