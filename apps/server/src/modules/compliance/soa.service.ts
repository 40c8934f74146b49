import { randomUUID } from 'node:crypto';
import {
  SOA_FRAMEWORK_KEY,
  type SoaImplementationStatus,
  type SoaStatus,
  type SoaSummaryView,
  type SoaView,
  type UpdateSoaEntriesRequest,
} from '@vigil/contracts';
import type { DB, FrameworkNodeRow, SoaEntryRow, SoaVersionRow } from '@vigil/db';
import type { Kysely } from 'kysely';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import { actorId, type RequestContext } from '../../platform/context.js';
import type { Services } from '../../services.js';
import { usersByIds } from '../users/users.repository.js';
import { assertIdsExist, refOf, unique } from './compliance.shared.js';
import { loadVersion, nodesOf, sectionOf } from './framework-data.js';

export interface LoadedSoa {
  row: SoaVersionRow;
  entries: SoaEntryRow[];
  nodes: Map<string, FrameworkNodeRow>;
  sections: Map<string, string | null>;
  frameworkVersion: string;
}

/** Statement of Applicability (適用性聲明): draft → approved (frozen) → superseded by the next approval. */
export class SoaService {
  constructor(private readonly s: Services) {}

  private async versionRow(id: string, db: Kysely<DB> = this.s.db): Promise<SoaVersionRow> {
    const row = await db.selectFrom('soa_versions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('statement of applicability');
    return row;
  }

  async load(id: string, db: Kysely<DB> = this.s.db): Promise<LoadedSoa> {
    const row = await this.versionRow(id, db);
    const [entries, nodes, fv] = await Promise.all([
      db.selectFrom('soa_entries').selectAll().where('soa_id', '=', id).orderBy('position').execute(),
      nodesOf(db, row.framework_version_id),
      db
        .selectFrom('framework_versions')
        .select('version')
        .where('id', '=', row.framework_version_id)
        .executeTakeFirst(),
    ]);
    const byRef = new Map(nodes.map((n) => [n.ref, n]));
    const sections = new Map(nodes.map((n) => [n.ref, sectionOf(n, byRef)?.ref ?? null]));
    return { row, entries, nodes: byRef, sections, frameworkVersion: fv?.version ?? '' };
  }

  private async summaries(rows: SoaVersionRow[]): Promise<SoaSummaryView[]> {
    if (rows.length === 0) return [];
    const db = this.s.db;
    const users = await usersByIds(
      db,
      rows.flatMap((r) => [r.created_by, r.approved_by]),
    );
    const versions = new Map(
      (
        await db
          .selectFrom('framework_versions')
          .select(['id', 'version'])
          .where('id', 'in', unique(rows.map((r) => r.framework_version_id)))
          .execute()
      ).map((v) => [v.id, v.version]),
    );
    const all = await db.selectFrom('soa_versions').select(['id', 'version']).execute();
    const numberOf = new Map(all.map((v) => [v.id, v.version]));
    const counts = await db
      .selectFrom('soa_entries')
      .select(['soa_id', 'applicable', 'justification'])
      .where(
        'soa_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    return rows.map((r) => {
      const mine = counts.filter((c) => c.soa_id === r.id);
      return {
        id: r.id,
        version: r.version,
        status: r.status as SoaStatus,
        frameworkVersion: versions.get(r.framework_version_id) ?? '',
        basedOnVersion: r.based_on_id ? (numberOf.get(r.based_on_id) ?? null) : null,
        createdBy: refOf(users, r.created_by),
        createdAt: r.created_at,
        approvedBy: refOf(users, r.approved_by),
        approvedAt: r.approved_at,
        approvalNote: r.approval_note,
        supersededAt: r.superseded_at,
        counts: {
          total: mine.length,
          applicable: mine.filter((c) => c.applicable === 1).length,
          missingJustification: mine.filter((c) => !c.justification.trim()).length,
        },
      };
    });
  }

  async list(): Promise<SoaSummaryView[]> {
    return this.summaries(
      await this.s.db.selectFrom('soa_versions').selectAll().orderBy('version', 'desc').execute(),
    );
  }

  /** The version the home card and the SoA page open: the approved one, else the newest. */
  async current(): Promise<SoaVersionRow | undefined> {
    const rows = await this.s.db.selectFrom('soa_versions').selectAll().orderBy('version', 'desc').execute();
    return rows.find((r) => r.status === 'approved') ?? rows[0];
  }

  async get(id: string): Promise<SoaView> {
    const soa = await this.load(id);
    const summary = (await this.summaries([soa.row]))[0] as SoaSummaryView;
    const ids = unique(soa.entries.flatMap((e) => JSON.parse(e.control_ids) as string[]));
    const suggested = await this.s.db
      .selectFrom('applied_control_requirements as r')
      .innerJoin('applied_controls as c', 'c.id', 'r.control_id')
      .select(['r.ref', 'c.id', 'c.code', 'c.name'])
      .where('r.framework_key', '=', SOA_FRAMEWORK_KEY)
      .where('c.status', '!=', 'retired')
      .orderBy('c.code')
      .execute();
    const controls = new Map(
      (
        await this.s.db
          .selectFrom('applied_controls')
          .select(['id', 'code', 'name'])
          .where('id', 'in', [...ids, ''])
          .execute()
      ).map((c) => [c.id, c]),
    );
    return {
      ...summary,
      entries: soa.entries.map((e) => {
        const node = soa.nodes.get(e.ref);
        const linked = (JSON.parse(e.control_ids) as string[]).flatMap((cid) => {
          const c = controls.get(cid);
          return c ? [c] : [];
        });
        const have = new Set(linked.map((c) => c.id));
        return {
          ref: e.ref,
          titleEn: node?.title_en ?? e.ref,
          titleZh: node?.title_zh ?? e.ref,
          sectionRef: soa.sections.get(e.ref) ?? null,
          applicable: e.applicable === 1,
          justification: e.justification,
          implementation: e.implementation as SoaImplementationStatus,
          controls: linked,
          suggestedControls: suggested
            .filter((c) => {
              if (c.ref !== e.ref || have.has(c.id)) return false;
              have.add(c.id);
              return true;
            })
            .map((c) => ({ id: c.id, code: c.code, name: c.name })),
        };
      }),
    };
  }

  /** A new draft: every Annex A control of the current ISO/IEC 27001 version, carried over from the latest version. */
  async createDraft(ctx: RequestContext): Promise<SoaView> {
    const id = randomUUID();
    const now = this.s.clock.now().toISOString();
    await this.s.db.transaction().execute(async (trx) => {
      const draft = await trx
        .selectFrom('soa_versions')
        .select('id')
        .where('status', '=', 'draft')
        .executeTakeFirst();
      if (draft) throw conflict('soa.draft_exists', 'a draft Statement of Applicability already exists');
      const { version } = await loadVersion(trx, SOA_FRAMEWORK_KEY).catch(() => {
        throw badRequest('soa.no_framework', 'the ISO/IEC 27001:2022 framework is not loaded');
      });
      const annexA = (await nodesOf(trx, version.id)).filter((n) => n.soa === 1);
      if (annexA.length === 0) throw badRequest('soa.no_framework', 'the framework has no Annex A controls');
      const latest = await trx
        .selectFrom('soa_versions')
        .selectAll()
        .orderBy('version', 'desc')
        .executeTakeFirst();
      const previous = new Map(
        latest
          ? (await trx.selectFrom('soa_entries').selectAll().where('soa_id', '=', latest.id).execute()).map(
              (e) => [e.ref, e],
            )
          : [],
      );
      const linked = await trx
        .selectFrom('applied_control_requirements as r')
        .innerJoin('applied_controls as c', 'c.id', 'r.control_id')
        .select(['r.ref', 'c.id'])
        .where('r.framework_key', '=', SOA_FRAMEWORK_KEY)
        .where('c.status', '!=', 'retired')
        .execute();
      const number = (latest?.version ?? 0) + 1;
      await trx
        .insertInto('soa_versions')
        .values({
          id,
          version: number,
          status: 'draft',
          framework_version_id: version.id,
          based_on_id: latest?.id ?? null,
          created_by: actorId(ctx),
          created_at: now,
          updated_at: now,
          approved_by: null,
          approved_at: null,
          approval_note: null,
          superseded_at: null,
        })
        .execute();
      const rows = annexA.map((n, position) => {
        const prev = previous.get(n.ref);
        return {
          soa_id: id,
          ref: n.ref,
          position,
          applicable: prev?.applicable ?? 1,
          justification: prev?.justification ?? '',
          implementation: prev?.implementation ?? 'not_implemented',
          control_ids:
            prev?.control_ids ??
            JSON.stringify(unique(linked.filter((l) => l.ref === n.ref).map((l) => l.id))),
        };
      });
      for (let i = 0; i < rows.length; i += 200)
        await trx
          .insertInto('soa_entries')
          .values(rows.slice(i, i + 200))
          .execute();
      await this.s.audit.record(trx, ctx, {
        action: 'soa.created',
        objectType: 'soa',
        objectId: id,
        details: { version: number, basedOn: latest?.version ?? null, controls: rows.length },
      });
    });
    return this.get(id);
  }

  private async draft(trx: Kysely<DB>, id: string): Promise<SoaVersionRow> {
    const row = await this.versionRow(id, trx);
    if (row.status !== 'draft')
      throw conflict('soa.not_draft', 'an approved Statement of Applicability is frozen; start a new draft');
    return row;
  }

  async updateEntries(ctx: RequestContext, id: string, req: UpdateSoaEntriesRequest): Promise<SoaView> {
    await this.s.db.transaction().execute(async (trx) => {
      const row = await this.draft(trx, id);
      const known = new Set(
        (await trx.selectFrom('soa_entries').select('ref').where('soa_id', '=', id).execute()).map(
          (e) => e.ref,
        ),
      );
      const unknown = req.entries.filter((e) => !known.has(e.ref)).map((e) => e.ref);
      if (unknown.length > 0)
        throw badRequest('soa.unknown_ref', `not an Annex A control: ${unknown.join(', ')}`, {
          refs: unknown,
        });
      await assertIdsExist(
        trx,
        'applied_controls',
        req.entries.flatMap((e) => e.controlIds),
        'compliance.unknown_control',
      );
      for (const e of req.entries)
        await trx
          .updateTable('soa_entries')
          .set({
            applicable: e.applicable ? 1 : 0,
            justification: e.justification,
            implementation: e.implementation,
            control_ids: JSON.stringify(unique(e.controlIds)),
          })
          .where('soa_id', '=', id)
          .where('ref', '=', e.ref)
          .execute();
      await trx
        .updateTable('soa_versions')
        .set({ updated_at: this.s.clock.now().toISOString() })
        .where('id', '=', id)
        .execute();
      await this.s.audit.record(trx, ctx, {
        action: 'soa.updated',
        objectType: 'soa',
        objectId: id,
        details: { version: row.version, entries: req.entries },
      });
    });
    return this.get(id);
  }

  /** Approves the draft (every control justified); the approved version before it becomes superseded. */
  async approve(ctx: RequestContext, id: string, note?: string): Promise<SoaView> {
    await this.s.db.transaction().execute(async (trx) => {
      const row = await this.draft(trx, id);
      const missing = (
        await trx
          .selectFrom('soa_entries')
          .select(['ref', 'justification'])
          .where('soa_id', '=', id)
          .execute()
      )
        .filter((e) => !e.justification.trim())
        .map((e) => e.ref);
      if (missing.length > 0)
        throw badRequest('soa.incomplete', `${missing.length} controls have no justification`, {
          refs: missing,
        });
      const now = this.s.clock.now().toISOString();
      const previous = await trx
        .selectFrom('soa_versions')
        .select(['id', 'version'])
        .where('status', '=', 'approved')
        .executeTakeFirst();
      if (previous)
        await trx
          .updateTable('soa_versions')
          .set({ status: 'superseded', superseded_at: now, updated_at: now })
          .where('id', '=', previous.id)
          .execute();
      await trx
        .updateTable('soa_versions')
        .set({
          status: 'approved',
          approved_by: actorId(ctx),
          approved_at: now,
          approval_note: note ?? null,
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
      await this.s.audit.record(trx, ctx, {
        action: 'soa.approved',
        objectType: 'soa',
        objectId: id,
        details: { version: row.version, supersedes: previous?.version ?? null, note: note ?? null },
      });
    });
    return this.get(id);
  }
}
