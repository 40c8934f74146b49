import { DEFAULT_SMTP_SETTINGS, type SmtpSettings, smtpSettings } from '@vigil/contracts';
import type { DB } from '@vigil/db';
import type { Kysely } from 'kysely';

export const SMTP_SETTINGS_KEY = 'smtp';
/** Purpose the SMTP password is bound to in the secret store. */
export const SMTP_PASSWORD_PURPOSE = 'smtp.password';

/** SMTP settings as kept in `settings`: the password only as the id of its secret. */
export interface StoredSmtpSettings extends SmtpSettings {
  passwordSecretId: string | null;
}

/** Reads the stored settings merged over the defaults (a field added later gets its default). */
export async function readSmtpSettings(db: Kysely<DB>): Promise<StoredSmtpSettings> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', SMTP_SETTINGS_KEY)
    .executeTakeFirst();
  const raw = row ? (JSON.parse(row.value) as Record<string, unknown>) : {};
  const parsed = smtpSettings.safeParse({ ...DEFAULT_SMTP_SETTINGS, ...raw });
  const secretId = typeof raw.passwordSecretId === 'string' ? raw.passwordSecretId : null;
  return { ...(parsed.success ? parsed.data : DEFAULT_SMTP_SETTINGS), passwordSecretId: secretId };
}

export async function writeSmtpSettings(
  trx: Kysely<DB>,
  value: StoredSmtpSettings,
  now: string,
  by: string | null,
): Promise<void> {
  const json = JSON.stringify(value);
  await trx
    .insertInto('settings')
    .values({ key: SMTP_SETTINGS_KEY, value: json, updated_at: now, updated_by: by })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: now, updated_by: by }))
    .execute();
}
