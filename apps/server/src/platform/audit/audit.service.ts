import type { AuditVerifyResult } from '@vigil/contracts';
import type { AuditEntryRow, DB } from '@vigil/db';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Actor, RequestContext } from '../context.js';
import {
  type AuditFilter,
  claimNextSeq,
  entriesAfter,
  findEntries,
  insertEntry,
  readHead,
  streamEntries,
} from './audit.repository.js';
import { canonicalJson, entryHash, GENESIS_HASH } from './canonical.js';
import { verifyChain } from './verify.js';

export interface AuditEvent {
  /** `<area>.<verb>`, e.g. `user.created`, `auth.login`. */
  action: string;
  outcome?: 'success' | 'failure';
  objectType?: string | null;
  objectId?: string | null;
  details?: Record<string, unknown>;
  /** Overrides the actor label (e.g. the username typed at a failed sign-in). */
  actorLabel?: string | null;
}

function actorFields(actor: Actor | null): { type: string; id: string | null; label: string | null } {
  if (!actor) return { type: 'anonymous', id: null, label: null };
  if (actor.kind === 'user') {
    return { type: actor.tokenId ? 'token' : 'user', id: actor.userId, label: actor.username };
  }
  return { type: actor.kind, id: null, label: actor.label };
}

/**
 * The tamper-evident audit trail. `record` must be called with the transaction that makes the change,
 * so the change and its entry commit together or not at all.
 */
export class AuditService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
  ) {}

  async record(trx: Kysely<DB>, ctx: RequestContext, event: AuditEvent): Promise<AuditEntryRow> {
    const { seq, prevHash } = await claimNextSeq(trx);
    const row = this.entryRow(ctx, event, seq, prevHash, this.clock.now().toISOString());
    await insertEntry(trx, row);
    return row;
  }

  /**
   * Records many events of one change (a bulk import) with one claim on the chain head and batched inserts.
   * The entries are chained exactly as if `record` had been called for each, in order.
   */
  async recordMany(trx: Kysely<DB>, ctx: RequestContext, events: readonly AuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    const head = await trx
      .updateTable('audit_head')
      .set((eb) => ({ seq: eb('seq', '+', events.length) }))
      .where('id', '=', 1)
      .returning(['seq', 'hash'])
      .executeTakeFirstOrThrow();
    let seq = Number(head.seq) - events.length;
    let prevHash = head.hash;
    const at = this.clock.now().toISOString();
    const rows = events.map((event) => {
      const row = this.entryRow(ctx, event, ++seq, prevHash, at);
      prevHash = row.hash;
      return row;
    });
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('audit_entries')
        .values(rows.slice(i, i + 500))
        .execute();
    await trx.updateTable('audit_head').set({ hash: prevHash }).where('id', '=', 1).execute();
  }

  private entryRow(
    ctx: RequestContext,
    event: AuditEvent,
    seq: number,
    prevHash: string,
    at: string,
  ): AuditEntryRow {
    const actor = actorFields(ctx.actor);
    const details =
      ctx.actor?.kind === 'user' && ctx.actor.tokenId
        ? { ...event.details, tokenId: ctx.actor.tokenId }
        : (event.details ?? {});
    const fields = {
      seq,
      at,
      actorType: actor.type,
      actorId: actor.id,
      actorLabel: event.actorLabel !== undefined ? event.actorLabel : actor.label,
      action: event.action,
      objectType: event.objectType ?? null,
      objectId: event.objectId ?? null,
      outcome: event.outcome ?? 'success',
      ip: ctx.ip,
      requestId: ctx.requestId,
      details: canonicalJson(details),
      prevHash,
    };
    return {
      seq,
      at: fields.at,
      actor_type: fields.actorType,
      actor_id: fields.actorId,
      actor_label: fields.actorLabel,
      action: fields.action,
      object_type: fields.objectType,
      object_id: fields.objectId,
      outcome: fields.outcome,
      ip: fields.ip,
      request_id: fields.requestId,
      details: fields.details,
      prev_hash: prevHash,
      hash: entryHash(fields),
    };
  }

  /** Records an event that is not part of another change (a failed sign-in, a token use). */
  async recordAlone(ctx: RequestContext, event: AuditEvent): Promise<void> {
    await this.db.transaction().execute((trx) => this.record(trx, ctx, event).then(() => undefined));
  }

  list(filter: AuditFilter, limit: number, offset: number) {
    return findEntries(this.db, filter, limit, offset);
  }

  stream(filter: AuditFilter): AsyncGenerator<AuditEntryRow> {
    return streamEntries(this.db, filter);
  }

  /** Recomputes the whole chain and names the first entry that was altered, removed or inserted. */
  async verify(): Promise<AuditVerifyResult> {
    const head = await readHead(this.db);
    const db = this.db;
    async function* rows(): AsyncGenerator<AuditEntryRow> {
      let after = 0;
      for (;;) {
        const batch = await entriesAfter(db, after, 2000);
        for (const r of batch) yield r;
        if (batch.length < 2000) return;
        after = Number(batch[batch.length - 1]!.seq);
      }
    }
    return verifyChain(rows(), head);
  }
}

export { GENESIS_HASH };
