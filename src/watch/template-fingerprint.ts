import { createHash } from 'node:crypto';
import type { Type } from '../language/types.js';
import type { TemplateFile } from '../loading/loaded-document.js';
import { assertNever } from '../support/assert-never.js';
import type { TemplateWorkspace } from '../templates/index.js';
import { templateScope } from '../templates/template-scope.js';
import type { TemplateSend } from '../templates/template-sends.js';

/**
 * A hash of everything a compiled template depends on: the file's text,
 * and the variables its sends give it (their types decide how date helpers
 * compile), the parameters and the time zone. Two files with the same
 * fingerprint compile to the same functions, so a cache keyed by it is
 * never stale, and editing a journey recompiles only the templates whose
 * variables it changed.
 */
export function templateFingerprint(
  file: TemplateFile,
  sends: readonly TemplateSend[],
  workspace: TemplateWorkspace,
): string {
  const scope = templateScope(sends, workspace);
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

/** A type in full, nested properties included. */
function typeKey(type: Type): string {
  switch (type.kind) {
    case 'enum':
      return `enum(${type.values.join('|')})`;
    case 'list':
      return `list<${typeKey(type.item)}>`;
    case 'object':
      return `{${[...type.properties]
        .map(([name, property]) => `${name}:${typeKey(property)}`)
        .join(',')}}`;
    case 'optional':
      return `${typeKey(type.inner)}?`;
    case 'error':
    case 'string':
    case 'integer':
    case 'number':
    case 'money':
    case 'boolean':
    case 'date':
    case 'datetime':
    case 'duration':
      return type.kind;
    default:
      return assertNever(type);
  }
}
