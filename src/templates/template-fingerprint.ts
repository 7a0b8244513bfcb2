import { createHash } from 'node:crypto';
import { describeTypeInFull, type Type } from '../language/types.js';
import type { TemplateFile } from '../loading/loaded-document.js';
import type { Workspace } from '../workspace/workspace.js';
import type { TemplateScope } from './template-scope.js';

/**
 * A hash of everything checking and compiling a template depends on: the
 * file's text, and the variables its sends give it (see templateScope:
 * their types decide how date helpers compile), the parameters and the time
 * zone. Two files with the same fingerprint check and compile the same, so
 * a cache keyed by it is never stale, and editing a journey recompiles only
 * the templates whose variables it changed.
 */
export function templateFingerprint(
  file: TemplateFile,
  scope: TemplateScope,
  workspace: Pick<Workspace, 'policy' | 'parameters'>,
): string {
  const parts = {
    path: file.file.path,
    channel: file.channel,
    text: file.file.text,
    roots: [...scope.roots].map(([name, type]) => [name, typeKey(type)]),
    absent: [...scope.absent],
    partial: [...scope.partialEventFields],
    marketing: scope.marketingSender ?? null,
    timeZone: workspace.policy.timeZone,
    parameters: [...workspace.parameters].map(([name, parameter]) => [
      name,
      typeKey(parameter.type),
      parameter.value,
    ]),
  };
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/**
 * Type keys of the object types met so far. Every template's scope holds
 * the whole member type, the same object each time: spelled out once, not
 * once per template file.
 */
const objectKeys = new WeakMap<Type, string>();

/** A type in full, nested properties included. */
function typeKey(type: Type): string {
  if (type.kind !== 'object') return describeTypeInFull(type);
  let key = objectKeys.get(type);
  if (key === undefined) {
    key = describeTypeInFull(type);
    objectKeys.set(type, key);
  }
  return key;
}
