import type { DB } from '@vigil/db';
import type { Kysely } from 'kysely';
import { grantsOfUser, roleNamesOf } from '../modules/roles/roles.repository.js';

/** What a user may do: the union of their roles' permissions. */
export class AccessService {
  constructor(private readonly db: Kysely<DB>) {}

  grantsOf(userId: string): Promise<{ roles: string[]; permissions: string[] }> {
    return grantsOfUser(this.db, userId);
  }

  async roleNames(ids: string[]): Promise<Record<string, { en: string; zh: string }>> {
    return roleNamesOf(this.db, ids);
  }
}
