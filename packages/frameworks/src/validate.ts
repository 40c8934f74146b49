// Rules that span nodes and so are beyond the schema: unique refs, parents that exist and are sections, no
// cycles, every requirement inside a section, and fields that only make sense on a requirement.
import { problem, type SourceFile } from './source-file.js';
import type { FrameworkDefinition, ValidationProblem } from './types.js';

type Locator = Pick<SourceFile, 'file' | 'locate'>;

/** Every structural problem of a schema-valid definition, in node order. */
export function structureProblems(def: FrameworkDefinition, source: Locator): ValidationProblem[] {
  const out: ValidationProblem[] = [];
  const at = (i: number, field: string, message: string) =>
    out.push(problem(source.file, source.locate(['nodes', i, field]), ['nodes', i, field], message));

  const index = new Map<string, number>();
  def.nodes.forEach((node, i) => {
    const first = index.get(node.ref);
    if (first === undefined) index.set(node.ref, i);
    else {
      const line = source.locate(['nodes', first, 'ref'])?.line;
      at(i, 'ref', `ref ${node.ref} is used twice (first at nodes[${first}]${line ? `, line ${line}` : ''})`);
    }
  });

  def.nodes.forEach((node, i) => {
    if (node.parent === undefined) {
      if (node.kind === 'requirement')
        at(i, 'ref', `requirement ${node.ref} has no section: give it a parent`);
    } else if (node.parent === node.ref) {
      at(i, 'parent', `${node.ref} is its own parent`);
    } else {
      const p = index.get(node.parent);
      if (p === undefined) at(i, 'parent', `unknown parent ${node.parent}: no node has that ref`);
      else if (def.nodes[p]?.kind !== 'section')
        at(i, 'parent', `parent ${node.parent} is a requirement; nodes sit under sections`);
    }
    if (node.kind === 'section') {
      for (const field of ['obligation', 'baseline', 'soa'] as const)
        if (node[field] !== undefined)
          at(i, field, `${field} belongs on a requirement, not on section ${node.ref}`);
    }
    if (node.obligation) {
      const { byLevel, quantityByLevel } = node.obligation;
      if (Object.keys(byLevel).length === 0 && Object.keys(quantityByLevel ?? {}).length === 0)
        at(i, 'obligation', `the obligation of ${node.ref} names no responsibility level`);
    }
  });

  // A cycle of parents (a → b → a) is reported once, at the first of its nodes in the file.
  const reported = new Set<string>();
  def.nodes.forEach((node, i) => {
    const seen = new Set<string>([node.ref]);
    let current = node.parent;
    while (current !== undefined && current !== node.ref) {
      if (seen.has(current)) return; // a cycle further up, reported from one of its own nodes
      seen.add(current);
      const p = index.get(current);
      current = p === undefined ? undefined : def.nodes[p]?.parent;
    }
    if (current === node.ref && node.parent !== node.ref && ![...seen].some((r) => reported.has(r))) {
      for (const r of seen) reported.add(r);
      at(i, 'parent', `parents form a cycle: ${[...seen, node.ref].join(' → ')}`);
    }
  });
  return out;
}
