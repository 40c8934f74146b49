import type {
  FrameworkDetail,
  FrameworkImportResponse,
  FrameworkMappingRelationName,
  FrameworkNodeMapping,
  FrameworkSummary,
  FrameworkVersionDetail,
} from '@vigil/contracts';
import type { FrameworkRow, FrameworkVersionRow } from '@vigil/db';
import { definitionHash, type FrameworkDefinition, loadFramework } from '@vigil/frameworks';
import { badRequest, notFound } from '../../http/errors.js';
import { actorId, type RequestContext } from '../../platform/context.js';
import type { Services } from '../../services.js';
import { storeVersion } from './framework-store.js';
import {
  presentFramework,
  presentNode,
  presentVersion,
  type StoredNode,
  storedNode,
} from './frameworks.presenter.js';
import { frameworkRepository as repo } from './frameworks.repository.js';
import { ShippedFrameworks } from './frameworks.shipped.js';

/** A mapped requirement seen from one side: `relation` reads "this requirement is <relation> of that one". */
export interface MappedRef {
  framework: string;
  ref: string;
  relation: FrameworkMappingRelationName;
}

export const INVERSE: Record<FrameworkMappingRelationName, FrameworkMappingRelationName> = {
  equal: 'equal',
  subset: 'superset',
  superset: 'subset',
  intersect: 'intersect',
  related: 'related',
};
const relationOf = (r: string): FrameworkMappingRelationName =>
  r in INVERSE ? (r as FrameworkMappingRelationName) : 'related';

/** The framework library: shipped and imported frameworks, their versions, nodes and mappings. */
export class FrameworkService {
  readonly shipped: ShippedFrameworks;

  constructor(protected readonly s: Services) {
    this.shipped = new ShippedFrameworks(s);
  }

  /** Installs shipped frameworks and mappings that are not stored yet; safe to run from two processes. */
  async bootstrap(): Promise<void> {
    await this.shipped.install();
  }

  // ---- for other modules -------------------------------------------------------------------------------

  /** The current version of a framework, or null when no framework has that key. */
  async currentVersion(key: string): Promise<FrameworkVersionRow | null> {
    const fw = await repo.byKey(this.s.db, key);
    if (!fw?.current_version_id) return null;
    return (await repo.version(this.s.db, fw.current_version_id)) ?? null;
  }

  /** The sections and requirements of a version in file order, JSON fields parsed. */
  async nodes(versionId: string): Promise<StoredNode[]> {
    return (await repo.nodes(this.s.db, versionId)).map(storedNode);
  }

  async node(versionId: string, ref: string): Promise<StoredNode | null> {
    const row = await repo.node(this.s.db, versionId, ref);
    return row ? storedNode(row) : null;
  }

  /** Requirements of other frameworks mapped to `ref` of `frameworkKey`, in either direction. */
  async mappedRefs(frameworkKey: string, ref: string): Promise<MappedRef[]> {
    const rows = await repo.mappingsOf(this.s.db, frameworkKey, ref);
    return rows.flatMap((r) => {
      const out: MappedRef[] = [];
      if (r.from_framework === frameworkKey && r.from_ref === ref)
        out.push({ framework: r.to_framework, ref: r.to_ref, relation: relationOf(r.relation) });
      if (r.to_framework === frameworkKey && r.to_ref === ref)
        out.push({ framework: r.from_framework, ref: r.from_ref, relation: INVERSE[relationOf(r.relation)] });
      return out;
    });
  }

  // ---- library views -----------------------------------------------------------------------------------

  private async summaries(frameworks: FrameworkRow[]): Promise<Map<string, FrameworkDetail>> {
    const versions = await repo.versionsOf(
      this.s.db,
      frameworks.map((f) => f.id),
    );
    const counts = await repo.requirementCounts(
      this.s.db,
      versions.map((v) => v.id),
    );
    const out = new Map<string, FrameworkDetail>();
    for (const f of frameworks) {
      const own = versions
        .filter((v) => v.framework_id === f.id)
        .map((v) => presentVersion(v, counts.get(v.id) ?? 0));
      const current = own.find((v) => v.id === f.current_version_id) ?? null;
      out.set(f.id, { ...presentFramework(f, current, own.length), versions: own });
    }
    return out;
  }

  async list(): Promise<FrameworkSummary[]> {
    const all = await repo.all(this.s.db);
    const details = await this.summaries(all);
    return all.flatMap((f) => {
      const d = details.get(f.id);
      if (!d) return [];
      const { versions: _versions, ...summary } = d;
      return [summary];
    });
  }

  async detail(key: string): Promise<FrameworkDetail> {
    const fw = await repo.byKey(this.s.db, key);
    if (!fw) throw notFound('framework');
    const d = (await this.summaries([fw])).get(fw.id);
    if (!d) throw notFound('framework');
    return d;
  }

  async versionDetail(versionId: string): Promise<FrameworkVersionDetail> {
    const version = await repo.version(this.s.db, versionId);
    const fw = version ? await repo.byId(this.s.db, version.framework_id) : undefined;
    if (!version || !fw) throw notFound('framework version');
    const d = (await this.summaries([fw])).get(fw.id);
    const summary = d?.versions.find((v) => v.id === version.id);
    if (!d || !summary) throw notFound('framework version');
    const { versions: _versions, ...framework } = d;
    const nodes = await this.nodes(version.id);
    const mappings = await this.resolvedMappings(fw.key);
    return {
      framework,
      version: summary,
      nodes: nodes.map((n) => presentNode(n, mappings.get(n.ref) ?? [])),
    };
  }

  /** Every mapping of a framework by its own ref, resolved to the other framework's current titles. */
  private async resolvedMappings(key: string): Promise<Map<string, FrameworkNodeMapping[]>> {
    const rows = await repo.mappingsOf(this.s.db, key);
    const byRef = new Map<string, MappedRef[]>();
    const add = (ref: string, m: MappedRef) => byRef.set(ref, [...(byRef.get(ref) ?? []), m]);
    for (const r of rows) {
      if (r.from_framework === key)
        add(r.from_ref, { framework: r.to_framework, ref: r.to_ref, relation: relationOf(r.relation) });
      if (r.to_framework === key)
        add(r.to_ref, {
          framework: r.from_framework,
          ref: r.from_ref,
          relation: INVERSE[relationOf(r.relation)],
        });
    }
    if (byRef.size === 0) return new Map();
    const others = new Map((await repo.all(this.s.db)).map((f) => [f.key, f]));
    // Titles of the mapped refs only, in the other frameworks' current versions.
    const wanted = new Map<string, Set<string>>();
    for (const list of byRef.values())
      for (const m of list) {
        const versionId = others.get(m.framework)?.current_version_id;
        if (!versionId) continue;
        const refs = wanted.get(versionId) ?? new Set<string>();
        refs.add(m.ref);
        wanted.set(versionId, refs);
      }
    const refsByVersion = new Map([...wanted].map(([id, refs]) => [id, [...refs]]));
    const titles = new Map(
      (await repo.nodeTitles(this.s.db, refsByVersion)).map((n) => [
        `${n.version_id}\u0000${n.ref}`,
        { en: n.title_en, 'zh-TW': n.title_zh },
      ]),
    );
    const out = new Map<string, FrameworkNodeMapping[]>();
    for (const [ref, list] of byRef) {
      const resolved = list.map((m) => {
        const other = others.get(m.framework);
        const versionId = other?.current_version_id ?? null;
        return {
          ...m,
          frameworkName: other ? { en: other.name_en, 'zh-TW': other.name_zh } : null,
          versionId,
          title: versionId ? (titles.get(`${versionId}\u0000${m.ref}`) ?? null) : null,
        };
      });
      resolved.sort(
        (a, b) =>
          a.framework.localeCompare(b.framework) || a.ref.localeCompare(b.ref, 'en', { numeric: true }),
      );
      out.set(ref, resolved);
    }
    return out;
  }

  // ---- import ------------------------------------------------------------------------------------------

  /** Validates a user's framework file and stores it as the framework's new current version. */
  async import(
    ctx: RequestContext,
    bytes: Buffer,
    filename: string | undefined,
  ): Promise<FrameworkImportResponse> {
    const file = filename ?? 'framework.yaml';
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw invalid([{ file, line: null, column: null, path: '', message: 'the file is not UTF-8 text' }]);
    }
    const loaded = loadFramework(text, file);
    if (!loaded.ok) throw invalid(loaded.problems);
    const def: FrameworkDefinition = loaded.value;
    const contentHash = definitionHash(def);
    const now = this.s.clock.now().toISOString();
    const stored = await this.s.db.transaction().execute(async (trx) => {
      const result = await storeVersion(trx, def, {
        builtin: false,
        importedBy: actorId(ctx),
        now,
        contentHash,
      });
      await this.s.audit.record(trx, ctx, {
        action: 'framework.imported',
        objectType: 'framework_version',
        objectId: result.version.id,
        details: {
          key: def.key,
          version: result.version.version,
          file,
          contentHash,
          nodeCount: def.nodes.length,
          supersededVersionIds: result.supersededIds,
        },
      });
      return result;
    });
    const { versions, ...framework } = await this.detail(def.key);
    const version = versions.find((v) => v.id === stored.version.id);
    if (!version) throw notFound('framework version');
    return { framework, version, supersededVersionId: stored.supersededIds[0] ?? null };
  }
}

function invalid(
  problems: { file: string; line: number | null; column: number | null; path: string; message: string }[],
) {
  const n = problems.length;
  return badRequest(
    'framework.invalid',
    `the framework file has ${n} problem${n === 1 ? '' : 's'}; nothing was imported`,
    {
      problems,
    },
  );
}
