// Queries of applied controls and their links. No business rules here.
import type { AppliedControlListQuery } from '@vigil/contracts';
import type { AppliedControlRow, DB } from '@vigil/db';
import type { Kysely } from 'kysely';

export interface ControlLinks {
  requirements: Map<string, { frameworkKey: string; ref: string }[]>;
  assets: Map<string, { id: string; code: string; name: string }[]>;
  risks: Map<string, { id: string; code: string; title: string }[]>;
  evidence: Map<string, { id: string; title: string; validUntil: string | null }[]>;
}

const group = <T>(rows: (T & { control_id: string })[]): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const { control_id, ...rest } of rows) {
    const list = out.get(control_id) ?? [];
    list.push(rest as unknown as T);
    out.set(control_id, list);
  }
  return out;
};

export async function controlLinks(db: Kysely<DB>, ids: string[]): Promise<ControlLinks> {
  if (ids.length === 0)
    return { requirements: new Map(), assets: new Map(), risks: new Map(), evidence: new Map() };
  const [reqs, assets, risks, evidence] = await Promise.all([
    db
      .selectFrom('applied_control_requirements')
      .select(['control_id', 'framework_key as frameworkKey', 'ref'])
      .where('control_id', 'in', ids)
      .orderBy('framework_key')
      .orderBy('ref')
      .execute(),
    db
      .selectFrom('applied_control_assets as l')
      .innerJoin('assets as a', 'a.id', 'l.asset_id')
      .select(['l.control_id', 'a.id', 'a.code', 'a.name'])
      .where('l.control_id', 'in', ids)
      .orderBy('a.code')
      .execute(),
    db
      .selectFrom('applied_control_risks as l')
      .innerJoin('risk_scenarios as r', 'r.id', 'l.scenario_id')
      .select(['l.control_id', 'r.id', 'r.code', 'r.title'])
      .where('l.control_id', 'in', ids)
      .orderBy('r.code')
      .execute(),
    db
      .selectFrom('evidence_controls as l')
      .innerJoin('evidence as e', 'e.id', 'l.evidence_id')
      .select(['l.control_id', 'e.id', 'e.title', 'e.valid_until as validUntil'])
      .where('l.control_id', 'in', ids)
      .orderBy('e.title')
      .execute(),
  ]);
  return { requirements: group(reqs), assets: group(assets), risks: group(risks), evidence: group(evidence) };
}

export async function listControls(
  db: Kysely<DB>,
  q: AppliedControlListQuery,
  today: string,
): Promise<AppliedControlRow[]> {
  let query = db.selectFrom('applied_controls').selectAll();
  if (q.status) query = query.where('status', '=', q.status);
  if (q.category) query = query.where('category', '=', q.category);
  if (q.ownerId) query = query.where('owner_id', '=', q.ownerId);
  if (q.effectiveness) query = query.where('effectiveness', '=', q.effectiveness);
  if (q.reviewDue) query = query.where('next_review_on', '<=', today).where('status', '!=', 'retired');
  if (q.q) {
    const like = `%${q.q.toLowerCase().replace(/[%_\\]/g, '')}%`;
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['code']), 'like', like),
        eb(eb.fn('lower', ['name']), 'like', like),
        eb(eb.fn('lower', ['description']), 'like', like),
      ]),
    );
  }
  if (q.frameworkKey) {
    let sub = db
      .selectFrom('applied_control_requirements')
      .select('control_id')
      .where('framework_key', '=', q.frameworkKey);
    if (q.ref) sub = sub.where('ref', '=', q.ref);
    query = query.where('id', 'in', sub);
  }
  return query.orderBy('code').limit(1000).execute();
}

/** Replaces one link set of a control. */
export async function replaceLinks(
  trx: Kysely<DB>,
  table: 'applied_control_assets' | 'applied_control_risks' | 'evidence_controls',
  controlId: string,
  column: 'asset_id' | 'scenario_id' | 'evidence_id',
  ids: string[],
): Promise<void> {
  await trx.deleteFrom(table).where('control_id', '=', controlId).execute();
  if (ids.length === 0) return;
  await trx
    .insertInto(table)
    .values(ids.map((id) => ({ control_id: controlId, [column]: id }) as never))
    .execute();
}

export async function replaceRequirements(
  trx: Kysely<DB>,
  controlId: string,
  refs: { frameworkKey: string; ref: string }[],
): Promise<void> {
  await trx.deleteFrom('applied_control_requirements').where('control_id', '=', controlId).execute();
  const seen = new Set<string>();
  const rows = refs
    .filter((r) => {
      const k = `${r.frameworkKey}\u0000${r.ref}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .map((r) => ({ control_id: controlId, framework_key: r.frameworkKey, ref: r.ref }));
  if (rows.length > 0) await trx.insertInto('applied_control_requirements').values(rows).execute();
}

/** The next free CTL-nnnn code. */
export async function nextControlCode(trx: Kysely<DB>): Promise<string> {
  const rows = await trx
    .selectFrom('applied_controls')
    .select('code')
    .where('code', 'like', 'CTL-%')
    .execute();
  const max = rows.reduce((m, r) => Math.max(m, Number(r.code.slice(4)) || 0), 0);
  return `CTL-${String(max + 1).padStart(4, '0')}`;
}
