// Reads the text of a YAML or JSON file into plain data and keeps the node positions, so that every later
// problem (schema, duplicate ref, unknown parent) can name the line and column it is about. JSON is read by
// JSON.parse; its positions are worked out (by the YAML reader) only when a problem asks for one.
import { isMap, LineCounter, type Node, parseDocument, type Document as YamlDocument } from 'yaml';
import type { ValidationProblem } from './types.js';

/** Largest framework or mappings file accepted (the import route has the same limit). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * Limits on the data a file reads into, checked before its shape: a list referenced by many YAML aliases is
 * one object in memory but is walked, validated and stored once per reference. A real framework (5,000
 * nodes at most) stays well inside them.
 */
export const MAX_VALUES = 300_000;
export const MAX_LIST_ITEMS = 20_000;
export const MAX_DEPTH = 32;

export type PathPart = string | number;
export interface Position {
  line: number;
  column: number;
}

export interface SourceFile {
  file: string;
  data: unknown;
  /** Where the value at `path` starts (or its nearest existing ancestor); null when unknown. */
  locate(path: readonly PathPart[], opts?: { key?: string }): Position | null;
}

export type ReadResult = { ok: true; source: SourceFile } | { ok: false; problems: ValidationProblem[] };

/** `nodes[3].title.zh-TW` */
export function pathText(path: readonly PathPart[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

export function problem(
  file: string,
  at: Position | null,
  path: readonly PathPart[],
  message: string,
): ValidationProblem {
  return { file, line: at?.line ?? null, column: at?.column ?? null, path: pathText(path), message };
}

/** The first limit the data breaks (walking aliased values once per reference), or null. */
function sizeProblem(file: string, data: unknown): ValidationProblem | null {
  const stack: { value: unknown; depth: number; path: PathPart[] }[] = [{ value: data, depth: 0, path: [] }];
  let values = 0;
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop() as (typeof stack)[number];
    if (++values > MAX_VALUES)
      return problem(
        file,
        null,
        [],
        `the file expands to more than ${MAX_VALUES} values (YAML anchors and aliases count once per use)`,
      );
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_DEPTH)
      return problem(file, null, path, `the data is nested more than ${MAX_DEPTH} levels deep`);
    const entries: [PathPart, unknown][] = Array.isArray(value)
      ? [...value.entries()]
      : Object.entries(value);
    if (entries.length > MAX_LIST_ITEMS)
      return problem(file, null, path, `a list of more than ${MAX_LIST_ITEMS} items`);
    for (const [k, v] of entries) stack.push({ value: v, depth: depth + 1, path: [...path, k] });
  }
  return null;
}

function accepted(file: string, data: unknown, locate: SourceFile['locate']): ReadResult {
  const tooBig = sizeProblem(file, data);
  return tooBig ? { ok: false, problems: [tooBig] } : { ok: true, source: { file, data, locate } };
}

const looksLikeJson = (file: string, text: string) => /\.json$/i.test(file) || /^\s*[{[]/.test(text);

/** Line and column of a character offset in `text`, both from 1. */
function offsetPosition(text: string, offset: number): Position {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

function jsonSyntaxProblem(file: string, text: string): ValidationProblem | null {
  try {
    JSON.parse(text);
    return null;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const lc = /line (\d+) column (\d+)/.exec(message);
    const pos = /position (\d+)/.exec(message);
    const at = lc
      ? { line: Number(lc[1]), column: Number(lc[2]) }
      : pos
        ? offsetPosition(text, Number(pos[1]))
        : null;
    return problem(file, at, [], `not valid JSON: ${message.replace(/\s*\(line \d+ column \d+\)/, '')}`);
  }
}

function yamlLocator(doc: YamlDocument, counter: LineCounter): SourceFile['locate'] {
  const at = (node: unknown): Position | null => {
    const range = (node as Node | null)?.range;
    if (!range) return null;
    const { line, col } = counter.linePos(range[0]);
    return { line, column: col };
  };
  return (path, opts) => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (node === undefined || node === null) continue;
      if (opts?.key && n === path.length && isMap(node)) {
        const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === opts.key);
        if (pair) return at(pair.key);
      }
      return at(node);
    }
    return null;
  };
}

/** Space, tab, line feed and carriage return: the only white space JSON allows between tokens. */
const JSON_SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** Keys written in a valid JSON text: every string followed by a colon. */
function jsonKeysWritten(text: string): number {
  let keys = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== 0x22) continue; // outside strings valid JSON has no other quotes
    i++;
    while (i < text.length && text.charCodeAt(i) !== 0x22) i += text.charCodeAt(i) === 0x5c ? 2 : 1;
    let j = i + 1;
    while (JSON_SPACE.has(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) === 0x3a) keys++;
    i = j - 1;
  }
  return keys;
}

/** Keys held by the objects of parsed data (a key written twice in one object is held once). */
function keysHeld(data: unknown): number {
  let keys = 0;
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) for (const v of value) stack.push(v);
    else {
      const entries = Object.values(value);
      keys += entries.length;
      for (const v of entries) stack.push(v);
    }
  }
  return keys;
}

/** Positions of a JSON text, found by the YAML reader on the first question; null where it cannot read it. */
function lazyJsonLocator(src: string): SourceFile['locate'] {
  let locate: SourceFile['locate'] | null = null;
  return (path, opts) => {
    if (!locate) {
      locate = () => null;
      try {
        const counter = new LineCounter();
        const doc = parseDocument(src, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
        if (doc.errors.length === 0) locate = yamlLocator(doc, counter);
      } catch {
        // Too deeply nested for the YAML reader: no positions.
      }
    }
    return locate(path, opts);
  };
}

/** Valid JSON with no key written twice in an object, read without the YAML reader; null otherwise. */
function fastJson(file: string, src: string): ReadResult | null {
  let data: unknown;
  try {
    data = JSON.parse(src) as unknown;
  } catch {
    return null;
  }
  // JSON.parse keeps the last of repeated keys silently; the YAML reader below reports them with a line.
  if (keysHeld(data) !== jsonKeysWritten(src)) return null;
  return accepted(file, data, lazyJsonLocator(src));
}

/** Parses YAML (or JSON: JSON.parse first, the YAML 1.2 reader when that fails) with positions. */
export function readSource(text: string, file: string): ReadResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (Buffer.byteLength(src, 'utf8') > MAX_FILE_BYTES)
    return {
      ok: false,
      problems: [problem(file, null, [], `the file is larger than ${MAX_FILE_BYTES} bytes`)],
    };
  if (src.trim() === '') return { ok: false, problems: [problem(file, null, [], 'the file is empty')] };
  const json = looksLikeJson(file, src);
  if (json) {
    const read = fastJson(file, src);
    if (read) return read;
  }
  if (json && /\.json$/i.test(file)) {
    const bad = jsonSyntaxProblem(file, src);
    if (bad) return { ok: false, problems: [bad] };
  }
  const counter = new LineCounter();
  let doc: YamlDocument;
  try {
    doc = parseDocument(src, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  } catch {
    return { ok: false, problems: [problem(file, null, [], 'the file is nested too deeply to read')] };
  }
  if (doc.errors.length > 0) {
    // A JSON file the YAML reader cannot follow (tabs in odd places) is still fine when JSON accepts it.
    if (json && doc.errors.every((e) => e.code !== 'DUPLICATE_KEY') && jsonSyntaxProblem(file, src) === null)
      return accepted(file, JSON.parse(src) as unknown, () => null);
    return {
      ok: false,
      problems: doc.errors.slice(0, 20).map((e) => {
        const { line, col } = counter.linePos(e.pos[0]);
        const first = e.message.split('\n')[0] ?? e.message;
        const message = e.code === 'DUPLICATE_KEY' ? 'the same key appears twice in one mapping' : first;
        return problem(
          file,
          { line, column: col },
          [],
          `${json ? 'not valid JSON' : 'not valid YAML'}: ${message}`,
        );
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, problems: [problem(file, null, [], `the file cannot be read: ${message}`)] };
  }
  return accepted(file, data, yamlLocator(doc, counter));
}
