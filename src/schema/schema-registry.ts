import { readFileSync } from 'node:fs';

import { documentKinds, schemaFileNames } from './document-kind.js';

/** A JSON Schema object as read from a file; boolean schemas are separate. */
export type SchemaObject = Readonly<Record<string, unknown>>;

/** A schema object together with the id of the file it stands in. */
export interface LocatedSchema {
  /** The `$id` of the file, against which its `$ref`s resolve. */
  readonly base: string;
  readonly node: SchemaObject;
}

/** The schema files of `schemas/`, parsed, keyed by their `$id`. */
export interface SchemaRegistry {
  readonly schemas: ReadonlyMap<string, SchemaObject>;
}

/** Where the schemas are published; every file's `$id` is under it. */
export const schemaBaseUri = 'https://slinga.dev/schemas/';

/** The schema of shared definitions, referenced by the others. */
export const commonSchemaFileName = 'common.schema.json';

/** The editor schema that dispatches on `kind`. */
export const workspaceSchemaFileName = 'workspace.schema.json';

/** Every file in `schemas/`, common definitions first. */
export const schemaFileNamesInOrder: readonly string[] = [
  commonSchemaFileName,
  ...documentKinds.map((kind) => schemaFileNames[kind]),
  workspaceSchemaFileName,
];

/**
 * The folder that holds the schema files. The same relative path works from
 * `src/schema/` and from the compiled `dist/schema/`.
 */
export const schemaFolder = new URL('../../schemas/', import.meta.url);

/** The `$id` of a schema file. */
export function schemaId(fileName: string): string {
  return new URL(fileName, schemaBaseUri).href;
}

/** Reads and parses every schema file. Throws only if the package is broken. */
export function loadSchemaRegistry(folder: URL = schemaFolder): SchemaRegistry {
  const schemas = new Map<string, SchemaObject>();
  for (const fileName of schemaFileNamesInOrder) {
    const text = readFileSync(new URL(fileName, folder), 'utf8');
    schemas.set(schemaId(fileName), JSON.parse(text) as SchemaObject);
  }
  return { schemas };
}

/** Follows a `$ref` from the file with id `base` to the schema it names. */
export function resolveReference(
  registry: SchemaRegistry,
  base: string,
  reference: string,
): LocatedSchema | undefined {
  const target = new URL(reference, base);
  const pointer = decodeURIComponent(target.hash.slice(1));
  target.hash = '';
  const root = registry.schemas.get(target.href);
  if (root === undefined) return undefined;
  const node = followPointer(root, pointer);
  return node === undefined ? undefined : { base: target.href, node };
}

function followPointer(
  root: SchemaObject,
  pointer: string,
): SchemaObject | undefined {
  let node: unknown = root;
  const segments = pointer === '' ? [] : pointer.slice(1).split('/');
  for (const segment of segments) {
    if (!isSchemaObject(node)) return undefined;
    node = node[segment.replaceAll('~1', '/').replaceAll('~0', '~')];
  }
  return isSchemaObject(node) ? node : undefined;
}

/** True for a schema object (and for any other plain JSON object). */
export function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
