// The frameworks and mappings shipped with Vigil, read from ../data (beside both src and dist).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadFramework, loadMappings } from './loader.js';
import type { FrameworkDefinition, FrameworkMapping, ValidationProblem } from './types.js';

export const DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));

export interface ShippedContent {
  frameworks: { file: string; definition: FrameworkDefinition }[];
  mappings: FrameworkMapping[];
  /** Empty for a good release; a test keeps it that way. */
  problems: ValidationProblem[];
}

const yamlFiles = (dir: string) =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ya?ml|json)$/i.test(e.name))
    .map((e) => e.name)
    .sort();

/** Reads every shipped file fresh; mappings are checked against the shipped frameworks. */
export function readShippedContent(dir = DATA_DIR): ShippedContent {
  const problems: ValidationProblem[] = [];
  const frameworks: ShippedContent['frameworks'] = [];
  for (const name of yamlFiles(dir)) {
    const loaded = loadFramework(fs.readFileSync(`${dir}/${name}`, 'utf8'), name);
    if (loaded.ok) frameworks.push({ file: name, definition: loaded.value });
    else problems.push(...loaded.problems);
  }
  const refs = new Map(
    frameworks.map((f) => [f.definition.key, new Set(f.definition.nodes.map((n) => n.ref))]),
  );
  const mappings: FrameworkMapping[] = [];
  const mappingDir = `${dir}/mappings`;
  if (fs.existsSync(mappingDir))
    for (const name of yamlFiles(mappingDir)) {
      const file = `mappings/${name}`;
      const loaded = loadMappings(fs.readFileSync(`${mappingDir}/${name}`, 'utf8'), file, (fw, ref) =>
        Boolean(refs.get(fw)?.has(ref)),
      );
      if (loaded.ok) mappings.push(...loaded.value);
      else problems.push(...loaded.problems);
    }
  return { frameworks, mappings, problems };
}

let cached: ShippedContent | null = null;

/** The shipped content, read once per process. */
export function shippedContent(): ShippedContent {
  cached ??= readShippedContent();
  return cached;
}
