import type { AuditVerifyResult } from '@vigil/contracts';
import type { AuditEntryRow } from '@vigil/db';
import { entryHash, GENESIS_HASH } from './canonical.js';

function hashAs(r: AuditEntryRow, seq: number): string {
  return entryHash({
    seq,
    at: r.at,
    actorType: r.actor_type,
    actorId: r.actor_id,
    actorLabel: r.actor_label,
    action: r.action,
    objectType: r.object_type,
    objectId: r.object_id,
    outcome: r.outcome,
    ip: r.ip,
    requestId: r.request_id,
    details: r.details,
    prevHash: r.prev_hash,
  });
}

type Problem = NonNullable<AuditVerifyResult['problem']>;

const problem = (seq: number, kind: Problem['kind'], message: string): Problem => ({ seq, kind, message });

/**
 * Decides what happened at the first entry that does not fit the chain. An entry carries its own
 * sequence number inside its hash, so an entry that was moved up or down by one (because something was
 * inserted or removed before it) still verifies at its old position, and that tells the cases apart.
 */
function diagnose(
  row: AuditEntryRow,
  next: AuditEntryRow | undefined,
  expectedSeq: number,
  prevHash: string,
): Problem {
  const seq = Number(row.seq);
  if (seq > expectedSeq) {
    const range = seq - expectedSeq > 1 ? `#${expectedSeq}–#${seq - 1}` : `#${expectedSeq}`;
    return problem(expectedSeq, 'removed', `entry ${range} was removed`);
  }
  const intact = hashAs(row, seq) === row.hash;
  if (!intact) {
    if (hashAs(row, seq - 1) === row.hash) {
      return problem(seq - 1, 'inserted', `entry #${seq - 1} was inserted (later entries were renumbered)`);
    }
    if (hashAs(row, seq + 1) === row.hash) {
      return problem(seq, 'removed', `an entry before #${seq} was removed (later entries were renumbered)`);
    }
    if (next && hashAs(next, Number(next.seq) - 1) === next.hash) {
      return problem(seq, 'inserted', `entry #${seq} was inserted into the chain`);
    }
    return problem(seq, 'altered', `entry #${seq} was altered after it was written`);
  }
  // Intact content but the link to the previous entry is broken.
  if (row.prev_hash !== prevHash) {
    return problem(
      seq - 1,
      'altered',
      `entry #${seq - 1} was replaced (entry #${seq} no longer links to it)`,
    );
  }
  return problem(seq, 'altered', `entry #${seq} does not fit the chain`);
}

/** Walks entries in sequence order and reports the first one that breaks the SHA-256 chain. */
export async function verifyChain(
  rows: AsyncIterable<AuditEntryRow>,
  head: { seq: number; hash: string },
): Promise<AuditVerifyResult> {
  let prevSeq = 0;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  const done = (p: Problem | null): AuditVerifyResult => ({
    ok: p === null,
    checked,
    headSeq: head.seq,
    headHash: head.hash,
    problem: p,
  });

  let current: AuditEntryRow | undefined;
  for await (const next of rows) {
    if (current) {
      const p = step(current, next);
      if (p) return done(p);
    }
    current = next;
  }
  if (current) {
    const p = step(current, undefined);
    if (p) return done(p);
  }
  if (head.seq > prevSeq) {
    return done(
      problem(prevSeq + 1, 'removed', `entries #${prevSeq + 1}–#${head.seq} were removed from the end`),
    );
  }
  if (head.seq < prevSeq) {
    return done(problem(head.seq + 1, 'inserted', `entries after #${head.seq} were added outside Vigil`));
  }
  if (head.hash !== prevHash) {
    return done(problem(prevSeq, 'head_mismatch', 'the chain head record does not match the last entry'));
  }
  return done(null);

  function step(row: AuditEntryRow, next: AuditEntryRow | undefined): Problem | null {
    const seq = Number(row.seq);
    if (seq === prevSeq + 1 && row.prev_hash === prevHash && hashAs(row, seq) === row.hash) {
      checked++;
      prevSeq = seq;
      prevHash = row.hash;
      return null;
    }
    return diagnose(row, next, prevSeq + 1, prevHash);
  }
}
