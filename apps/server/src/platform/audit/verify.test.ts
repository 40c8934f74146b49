import type { AuditEntryRow } from '@vigil/db';
import { describe, expect, it } from 'vitest';
import { canonicalJson, entryHash, GENESIS_HASH } from './canonical.js';
import { verifyChain } from './verify.js';

/** Builds a correctly chained trail of n entries in memory. */
function chain(n: number): AuditEntryRow[] {
  const rows: AuditEntryRow[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const row = seal({ ...base(seq), prev_hash: prev }, seq);
    rows.push(row);
    prev = row.hash;
  }
  return rows;
}

function base(seq: number): Omit<AuditEntryRow, 'prev_hash' | 'hash'> {
  return {
    seq,
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
    actor_type: 'user',
    actor_id: 'u1',
    actor_label: 'alice',
    action: `test.action${seq}`,
    object_type: 'thing',
    object_id: `t${seq}`,
    outcome: 'success',
    ip: '127.0.0.1',
    request_id: `r${seq}`,
    details: canonicalJson({ n: seq, 名稱: '資產' }),
  };
}

function seal(row: Omit<AuditEntryRow, 'hash'>, seq = Number(row.seq)): AuditEntryRow {
  const hash = entryHash({
    seq,
    at: row.at,
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    outcome: row.outcome,
    ip: row.ip,
    requestId: row.request_id,
    details: row.details,
    prevHash: row.prev_hash,
  });
  return { ...row, hash };
}

async function* iter(rows: AuditEntryRow[]) {
  yield* rows;
}

const headOf = (rows: AuditEntryRow[]) => ({
  seq: rows.length ? Number(rows[rows.length - 1]!.seq) : 0,
  hash: rows.length ? rows[rows.length - 1]!.hash : GENESIS_HASH,
});

describe('canonical encoding', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, undefined], c: undefined, b: '資' } })).toBe(
      '{"a":{"b":"資","d":[1,null]},"b":1}',
    );
  });
  it('refuses values that have no stable encoding', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow();
    expect(() => canonicalJson({ f: () => 1 })).toThrow();
  });
});

describe('audit chain verification', () => {
  it('accepts an intact chain and an empty one', async () => {
    const rows = chain(10);
    expect(await verifyChain(iter(rows), headOf(rows))).toMatchObject({
      ok: true,
      checked: 10,
      problem: null,
    });
    expect((await verifyChain(iter([]), headOf([]))).ok).toBe(true);
  });

  it('names an entry whose content was edited', async () => {
    const rows = chain(10);
    rows[4] = { ...rows[4]!, actor_label: 'mallory' };
    const r = await verifyChain(iter(rows), headOf(chain(10)));
    expect(r.ok).toBe(false);
    expect(r.problem).toMatchObject({ seq: 5, kind: 'altered' });
    expect(r.checked).toBe(4);
  });

  it('names an entry that was edited and re-hashed, through the next entry’s broken link', async () => {
    const rows = chain(10);
    rows[4] = seal({ ...rows[4]!, action: 'covered.up' });
    const r = await verifyChain(iter(rows), headOf(rows));
    expect(r.problem).toMatchObject({ seq: 5, kind: 'altered' });
  });

  it('names a removed entry in the middle', async () => {
    const rows = chain(10);
    rows.splice(6, 1);
    expect((await verifyChain(iter(rows), headOf(chain(10)))).problem).toMatchObject({
      seq: 7,
      kind: 'removed',
    });
  });

  it('names a removal hidden by renumbering the later entries', async () => {
    const rows = chain(10);
    rows.splice(6, 1);
    for (let i = 6; i < rows.length; i++) rows[i] = { ...rows[i]!, seq: i + 1 };
    expect((await verifyChain(iter(rows), headOf(chain(10)))).problem).toMatchObject({
      seq: 7,
      kind: 'removed',
    });
  });

  it('names an inserted entry even when later entries were renumbered around it', async () => {
    const rows = chain(10);
    const forged = seal({ ...base(4), action: 'forged', prev_hash: rows[2]!.hash });
    const moved = rows.slice(3).map((r, i) => ({ ...r, seq: 5 + i }));
    const tampered = [...rows.slice(0, 3), forged, ...moved];
    expect((await verifyChain(iter(tampered), headOf(tampered))).problem).toMatchObject({
      seq: 4,
      kind: 'inserted',
    });
  });

  it('notices entries cut from the end or appended outside Vigil', async () => {
    const rows = chain(10);
    expect((await verifyChain(iter(rows.slice(0, 8)), headOf(rows))).problem).toMatchObject({
      seq: 9,
      kind: 'removed',
    });
    expect((await verifyChain(iter(rows), headOf(rows.slice(0, 8)))).problem).toMatchObject({
      seq: 9,
      kind: 'inserted',
    });
  });
});
