// Installs the frameworks and mappings shipped in @vigil/frameworks: each shipped file is stored once per
// content hash (a changed file becomes the new current version), and the shipped mappings are kept in step
// with the files. Two processes starting at once both finish: the loser of a race retries and finds the rows.
import { randomUUID } from 'node:crypto';
import { isUniqueViolation } from '@vigil/db';
import {
  definitionHash,
  type FrameworkDefinition,
  type ShippedContent,
  shippedContent,
} from '@vigil/frameworks';
import { systemContext } from '../../platform/context.js';
import type { Services } from '../../services.js';
import { storeVersion } from './framework-store.js';
import { frameworkRepository as repo } from './frameworks.repository.js';

const hashes = new WeakMap<FrameworkDefinition, string>();
const hashOf = (def: FrameworkDefinition) => {
  let h = hashes.get(def);
  if (!h) {
    h = definitionHash(def);
    hashes.set(def, h);
  }
  return h;
};

/** The object id of the shipped mappings in the audit trail. */
const BUILTIN_MAPPINGS = 'builtin-mappings';
const pairKey = (a: string, b: string, c: string, d: string) => [a, b, c, d].join('\u0000');

export class ShippedFrameworks {
  constructor(private readonly s: Services) {}

  /** Installs `content` (the shipped files unless a test passes its own). */
  async install(content: ShippedContent = shippedContent()): Promise<void> {
    if (content.problems.length > 0) {
      const first = content.problems[0];
      throw new Error(
        `shipped framework content has ${content.problems.length} problems, first: ${first?.file}:${first?.line} ${first?.message}`,
      );
    }
    const stored = await repo.hashesByKey(this.s.db);
    for (const { file, definition } of content.frameworks) {
      const contentHash = hashOf(definition);
      if (stored.get(definition.key)?.has(contentHash)) continue;
      await this.retrying(() =>
        this.s.db.transaction().execute(async (trx) => {
          const now = this.s.clock.now().toISOString();
          const result = await storeVersion(trx, definition, {
            builtin: true,
            importedBy: null,
            now,
            contentHash,
          });
          if (!result.created) return;
          await this.s.audit.record(trx, systemContext('frameworks'), {
            action: 'framework.installed',
            objectType: 'framework_version',
            objectId: result.version.id,
            details: {
              key: definition.key,
              version: result.version.version,
              file,
              contentHash,
              nodeCount: definition.nodes.length,
              supersededVersionIds: result.supersededIds,
            },
          });
        }),
      );
    }
    await this.retrying(() => this.syncMappings(content));
  }

  private async syncMappings(content: ShippedContent): Promise<void> {
    const wanted = new Map<string, { from: [string, string]; to: [string, string]; relation: string }>();
    for (const m of content.mappings)
      wanted.set(pairKey(m.from.framework, m.from.ref, m.to.framework, m.to.ref), {
        from: [m.from.framework, m.from.ref],
        to: [m.to.framework, m.to.ref],
        relation: m.relation,
      });
    const existing = new Map(
      (await repo.builtinMappings(this.s.db)).map((r) => [
        pairKey(r.from_framework, r.from_ref, r.to_framework, r.to_ref),
        r,
      ]),
    );
    const now = this.s.clock.now().toISOString();
    const insert = [...wanted].filter(([k]) => !existing.has(k));
    const change = [...existing].filter(([k, r]) => wanted.has(k) && wanted.get(k)?.relation !== r.relation);
    const removed = [...existing].filter(([k]) => !wanted.has(k)).map(([, r]) => r);
    const remove = removed.map((r) => r.id);
    if (insert.length === 0 && change.length === 0 && remove.length === 0) return;
    await this.s.db.transaction().execute(async (trx) => {
      await repo.insertMappings(
        trx,
        insert.map(([, m]) => ({
          id: randomUUID(),
          from_framework: m.from[0],
          from_ref: m.from[1],
          to_framework: m.to[0],
          to_ref: m.to[1],
          relation: m.relation,
          builtin: 1,
          created_at: now,
        })),
      );
      for (const [k, r] of change)
        await repo.setMappingRelation(trx, r.id, wanted.get(k)?.relation ?? r.relation);
      await repo.deleteMappings(trx, remove);
      // Mappings decide which evidence satisfies which requirement, so their changes are on the record.
      await this.s.audit.record(trx, systemContext('frameworks'), {
        action: 'framework.mappings_synced',
        objectType: 'framework_mappings',
        objectId: BUILTIN_MAPPINGS,
        details: {
          added: insert.length,
          changed: change.length,
          removed: removed.map((r) => ({
            from: `${r.from_framework}:${r.from_ref}`,
            to: `${r.to_framework}:${r.to_ref}`,
          })),
        },
      });
    });
  }

  private async retrying<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (err) {
        if (!isUniqueViolation(err) || attempt >= 3) throw err;
      }
    }
  }
}
