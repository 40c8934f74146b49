import type {
  FrameworkNodeMapping,
  FrameworkNodeView,
  FrameworkSummary,
  FrameworkVersionSummary,
} from '@vigil/contracts';
import type { FrameworkNodeRow, FrameworkRow, FrameworkVersionRow } from '@vigil/db';
import type { Applicability, FrameworkNode, Obligation, Text } from '@vigil/frameworks';

/** A stored node with its JSON fields parsed back into the framework format. */
export interface StoredNode {
  ref: string;
  parentRef: string | null;
  kind: FrameworkNode['kind'];
  position: number;
  title: Text;
  description: Text | null;
  applicability: Applicability | null;
  obligation: Obligation | null;
  baseline: NonNullable<FrameworkNode['baseline']> | null;
  soa: boolean;
}

const parsed = <T>(json: string | null): T | null => (json === null ? null : (JSON.parse(json) as T));

export function storedNode(row: FrameworkNodeRow): StoredNode {
  const hasDescription = row.description_en !== '' || row.description_zh !== '';
  return {
    ref: row.ref,
    parentRef: row.parent_ref,
    kind: row.kind === 'section' ? 'section' : 'requirement',
    position: row.position,
    title: { en: row.title_en, 'zh-TW': row.title_zh },
    description: hasDescription ? { en: row.description_en, 'zh-TW': row.description_zh } : null,
    applicability: parsed<Applicability>(row.applicability),
    obligation: parsed<Obligation>(row.obligation),
    baseline: parsed<NonNullable<FrameworkNode['baseline']>>(row.baseline),
    soa: row.soa === 1,
  };
}

export function presentVersion(row: FrameworkVersionRow, requirementCount: number): FrameworkVersionSummary {
  return {
    id: row.id,
    version: row.version,
    status: row.status === 'current' ? 'current' : 'superseded',
    name: { en: row.name_en, 'zh-TW': row.name_zh },
    source: row.source,
    effectiveDate: row.effective_date,
    contentHash: row.content_hash,
    nodeCount: row.node_count,
    requirementCount,
    importedBy: row.imported_by,
    importedAt: row.imported_at,
  };
}

export function presentFramework(
  row: FrameworkRow,
  current: FrameworkVersionSummary | null,
  versionCount: number,
): FrameworkSummary {
  return {
    id: row.id,
    key: row.key,
    name: { en: row.name_en, 'zh-TW': row.name_zh },
    publisher: row.publisher,
    builtin: row.builtin === 1,
    currentVersion: current,
    versionCount,
  };
}

export function presentNode(node: StoredNode, mappings: FrameworkNodeMapping[]): FrameworkNodeView {
  return { ...node, mappings };
}
