import { randomUUID } from 'node:crypto';
import type { DB } from '@vigil/db';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { KeyRing, SecretKey } from './keyring.js';
import { KeyRing as Ring } from './keyring.js';

/**
 * Every secret Vigil stores (MFA seeds, SMTP passwords, integration keys) lives here encrypted; other
 * tables hold only the secret's id. The purpose is bound into the ciphertext, so a secret cannot be
 * moved to another use.
 */
export class SecretStore {
  constructor(
    private readonly db: Kysely<DB>,
    private ring: KeyRing,
    private readonly clock: Clock,
  ) {}

  get keyId(): string {
    return this.ring.primary.id;
  }

  async put(trx: Kysely<DB>, purpose: string, plaintext: string): Promise<string> {
    const id = randomUUID();
    const { keyId, ciphertext } = this.ring.encrypt(plaintext, `${purpose}:${id}`);
    const now = this.clock.now().toISOString();
    await trx
      .insertInto('secrets')
      .values({ id, purpose, key_id: keyId, ciphertext, created_at: now, updated_at: now })
      .execute();
    return id;
  }

  async get(id: string, db: Kysely<DB> = this.db): Promise<string | null> {
    const row = await db
      .selectFrom('secrets')
      .select(['purpose', 'ciphertext'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? this.ring.decrypt(row.ciphertext, `${row.purpose}:${id}`) : null;
  }

  async remove(trx: Kysely<DB>, id: string): Promise<void> {
    await trx.deleteFrom('secrets').where('id', '=', id).execute();
  }

  /** Re-encrypts every secret under `next` in one transaction; returns how many were re-encrypted. */
  async rotate(next: SecretKey): Promise<number> {
    const nextRing = new Ring(next, [this.ring.primary]);
    const count = await this.db.transaction().execute(async (trx) => {
      const rows = await trx.selectFrom('secrets').select(['id', 'purpose', 'ciphertext']).execute();
      const now = this.clock.now().toISOString();
      for (const row of rows) {
        const context = `${row.purpose}:${row.id}`;
        const { keyId, ciphertext } = nextRing.encrypt(this.ring.decrypt(row.ciphertext, context), context);
        await trx
          .updateTable('secrets')
          .set({ key_id: keyId, ciphertext, updated_at: now })
          .where('id', '=', row.id)
          .execute();
      }
      return rows.length;
    });
    this.ring = nextRing;
    return count;
  }
}
