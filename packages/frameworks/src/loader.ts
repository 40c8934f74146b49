// Loads a framework file or a mappings file: text → positioned data → schema → cross-node rules. The answer
// is either the definition or the list of everything wrong with the file, each problem with its line.
import type { z } from 'zod';
import { expandMappings, frameworkSchema, type MappingFile, mappingFileSchema } from './format.js';
import { type PathPart, problem, readSource, type SourceFile } from './source-file.js';
import type { FrameworkDefinition, FrameworkMapping, ValidationProblem } from './types.js';
import { structureProblems } from './validate.js';

export type LoadResult<T> = { ok: true; value: T } | { ok: false; problems: ValidationProblem[] };

/** The most problems one report lists; a file with more is reported as "and N more". */
export const MAX_PROBLEMS = 200;

/** Per-level records list levels as keys, so an unknown level arrives as an unknown key. */
function unknownKey(field: string, key: string): string {
  if (field === 'byLevel' || field === 'quantityByLevel')
    return `unknown responsibility level "${key}"; use A, B, C, D or E`;
  if (field === 'baseline')
    return `unknown protection level "${key}"; use normal (普), medium (中) or high (高)`;
  return `unknown field "${key}"`;
}

function describe(issue: z.core.$ZodIssue): { message: string; key?: string }[] {
  const field = issue.path.length > 0 ? String(issue.path.at(-1)) : 'the file';
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ message: unknownKey(field, key), key }));
    case 'invalid_type':
      if (issue.input === undefined)
        return [
          {
            message:
              field === 'en' || field === 'zh-TW' ? `the ${field} text is missing` : `${field} is missing`,
          },
        ];
      return [
        {
          message: issue.message.startsWith('Invalid input')
            ? `${field}: expected ${issue.expected}`
            : issue.message,
        },
      ];
    case 'invalid_key':
      return [{ message: issue.issues[0]?.message ?? `invalid key in ${field}` }];
    default:
      return [{ message: issue.message }];
  }
}

function schemaProblems(source: SourceFile, issues: readonly z.core.$ZodIssue[]): ValidationProblem[] {
  return issues.flatMap((issue) => {
    const path = issue.path.filter((p): p is PathPart => typeof p !== 'symbol');
    return describe(issue).map(({ message, key }) =>
      problem(
        source.file,
        source.locate(path, key ? { key } : undefined),
        key ? [...path, key] : path,
        message,
      ),
    );
  });
}

function capped(problems: ValidationProblem[], file: string): ValidationProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const rest = problems.length - MAX_PROBLEMS;
  return [...problems.slice(0, MAX_PROBLEMS), problem(file, null, [], `and ${rest} more problems`)];
}

function sortByLine(problems: ValidationProblem[]): ValidationProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.line ?? 0) - (b.p.line ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}

/** Reads a framework file (YAML or JSON) named `file`; never throws. */
export function loadFramework(text: string, file: string): LoadResult<FrameworkDefinition> {
  const read = readSource(text, file);
  if (!read.ok) return read;
  const parsed = frameworkSchema.safeParse(read.source.data, { reportInput: true });
  if (!parsed.success)
    return {
      ok: false,
      problems: capped(sortByLine(schemaProblems(read.source, parsed.error.issues)), file),
    };
  const definition = parsed.data as FrameworkDefinition;
  const problems = structureProblems(definition, read.source);
  if (problems.length > 0) return { ok: false, problems: capped(sortByLine(problems), file) };
  return { ok: true, value: definition };
}

/** Answers whether a framework holds a ref; unknown frameworks answer false. */
export type RefLookup = (framework: string, ref: string) => boolean;

/**
 * Reads a mappings file; with `known`, every ref on either side must exist (mapping integrity). Never throws.
 */
export function loadMappings(text: string, file: string, known?: RefLookup): LoadResult<FrameworkMapping[]> {
  const read = readSource(text, file);
  if (!read.ok) return read;
  const parsed = mappingFileSchema.safeParse(read.source.data, { reportInput: true });
  if (!parsed.success)
    return {
      ok: false,
      problems: capped(sortByLine(schemaProblems(read.source, parsed.error.issues)), file),
    };
  const mapping: MappingFile = parsed.data;
  const problems: ValidationProblem[] = [];
  if (mapping.from === mapping.to)
    problems.push(
      problem(file, read.source.locate(['to']), ['to'], 'a mapping links two different frameworks'),
    );
  const pairs = new Map<string, number>();
  mapping.links.forEach((link, i) => {
    for (const ref of Array.isArray(link.to) ? link.to : [link.to]) {
      const pair = `${link.from}\u0000${ref}`;
      const first = pairs.get(pair);
      if (first === undefined) pairs.set(pair, i);
      else
        problems.push(
          problem(
            file,
            read.source.locate(['links', i]),
            ['links', i],
            `${link.from} → ${ref} is already linked at links[${first}]`,
          ),
        );
    }
  });
  if (known)
    mapping.links.forEach((link, i) => {
      if (!known(mapping.from, link.from))
        problems.push(
          problem(
            file,
            read.source.locate(['links', i, 'from']),
            ['links', i, 'from'],
            `${mapping.from} has no ${link.from}`,
          ),
        );
      const targets = Array.isArray(link.to) ? link.to : [link.to];
      targets.forEach((ref, j) => {
        if (known(mapping.to, ref)) return;
        const path = Array.isArray(link.to) ? ['links', i, 'to', j] : ['links', i, 'to'];
        problems.push(problem(file, read.source.locate(path), path, `${mapping.to} has no ${ref}`));
      });
    });
  if (problems.length > 0) return { ok: false, problems: capped(problems, file) };
  return { ok: true, value: expandMappings(mapping) };
}
