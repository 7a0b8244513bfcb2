import { valueAt, type JsonPath } from './json-path.js';
import { jsonTypeOf, typeAccepts } from './json-type.js';
import {
  isSchemaObject,
  resolveReference,
  type LocatedSchema,
  type SchemaObject,
  type SchemaRegistry,
} from './schema-registry.js';

/**
 * The schema that describes the value at `path` of a document, found by
 * walking the schema beside the data: through `properties`,
 * `additionalProperties` and `items`, following `$ref`s, and taking the
 * `anyOf` alternative whose type fits the data. This works because no schema
 * of Slinga has two alternatives of the same type.
 */
export function schemaAtPath(
  registry: SchemaRegistry,
  root: LocatedSchema,
  document: unknown,
  path: JsonPath,
): LocatedSchema | undefined {
  const located = schemaBeforeChoice(registry, root, document, path);
  if (located === undefined) return undefined;
  return chooseAlternative(registry, located, valueAt(document, path));
}

/** Like `schemaAtPath`, but leaves an `anyOf` at the path itself unchosen. */
export function schemaBeforeChoice(
  registry: SchemaRegistry,
  root: LocatedSchema,
  document: unknown,
  path: JsonPath,
): LocatedSchema | undefined {
  let located = followReferences(registry, root);
  let value = document;
  for (const step of path) {
    const parent = chooseAlternative(registry, located, value);
    const child = childSchema(parent.node, step);
    if (child === undefined) return undefined;
    located = followReferences(registry, { base: parent.base, node: child });
    value = valueAt(value, [step]);
  }
  return located;
}

/** Follows `$ref`s until a schema without one. */
export function followReferences(
  registry: SchemaRegistry,
  located: LocatedSchema,
): LocatedSchema {
  let current = located;
  for (let depth = 0; depth < 32; depth++) {
    const reference = current.node.$ref;
    if (typeof reference !== 'string') return current;
    const target = resolveReference(registry, current.base, reference);
    if (target === undefined) return current;
    current = target;
  }
  return current;
}

/** The alternatives of an `anyOf`, with their references followed. */
export function alternativesOf(
  registry: SchemaRegistry,
  located: LocatedSchema,
): LocatedSchema[] {
  const branches = located.node.anyOf;
  if (!Array.isArray(branches)) return [];
  return branches
    .filter(isSchemaObject)
    .map((node) => followReferences(registry, { base: located.base, node }));
}

/** The JSON types a schema accepts, or undefined when it accepts any. */
export function acceptedTypes(node: SchemaObject): string[] | undefined {
  const { type } = node;
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) {
    return type.filter((item): item is string => typeof item === 'string');
  }
  if (Array.isArray(node.enum)) return node.enum.map(jsonTypeOf);
  if ('const' in node) return [jsonTypeOf(node.const)];
  return undefined;
}

/** True when the value has a type the schema accepts. */
export function fitsType(node: SchemaObject, value: unknown): boolean {
  const types = acceptedTypes(node);
  return types === undefined || typeAccepts(types, value);
}

function chooseAlternative(
  registry: SchemaRegistry,
  located: LocatedSchema,
  value: unknown,
): LocatedSchema {
  const resolved = followReferences(registry, located);
  const fitting = alternativesOf(registry, resolved).find((alternative) =>
    fitsType(alternative.node, value),
  );
  if (fitting === undefined) return resolved;
  return chooseAlternative(registry, fitting, value);
}

function childSchema(
  node: SchemaObject,
  step: string | number,
): SchemaObject | undefined {
  if (typeof step === 'number') {
    return isSchemaObject(node.items) ? node.items : undefined;
  }
  const properties = node.properties;
  if (isSchemaObject(properties) && isSchemaObject(properties[step])) {
    return properties[step];
  }
  return isSchemaObject(node.additionalProperties)
    ? node.additionalProperties
    : undefined;
}
