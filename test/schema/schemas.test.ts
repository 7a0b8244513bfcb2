import { readdirSync, readFileSync } from 'node:fs';

import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import {
  documentKinds,
  schemaFileNames,
} from '../../src/schema/document-kind.js';
import { describeConstraint } from '../../src/schema/form-descriptions.js';
import {
  isSchemaObject,
  loadSchemaRegistry,
  schemaFileNamesInOrder,
  schemaFolder,
  schemaId,
  type SchemaObject,
} from '../../src/schema/schema-registry.js';
import { createAjv } from '../../src/schema/schema-validators.js';

const registry = loadSchemaRegistry();

/** Every schema object in a schema, with the JSON pointer where it stands. */
function* subschemas(
  node: unknown,
  pointer = '',
): Generator<[string, SchemaObject]> {
  if (!isSchemaObject(node)) return;
  yield [pointer, node];
  for (const keyword of ['properties', '$defs', 'dependentSchemas']) {
    const map = node[keyword];
    if (!isSchemaObject(map)) continue;
    for (const [name, child] of Object.entries(map)) {
      yield* subschemas(child, `${pointer}/${keyword}/${name}`);
    }
  }
  for (const keyword of [
    'items',
    'additionalProperties',
    'propertyNames',
    'if',
    'then',
    'else',
  ]) {
    yield* subschemas(node[keyword], `${pointer}/${keyword}`);
  }
  for (const keyword of ['anyOf', 'allOf']) {
    const list = node[keyword];
    if (!Array.isArray(list)) continue;
    for (const [index, child] of list.entries()) {
      yield* subschemas(child, `${pointer}/${keyword}/${index}`);
    }
  }
}

/** The schemas of the properties of object schemas: the keys of YAML. */
function* propertySchemas(
  schema: SchemaObject,
): Generator<[string, SchemaObject]> {
  for (const [pointer, node] of subschemas(schema)) {
    if (/\/(if|then|else|dependentSchemas\/[^/]+)$/.test(pointer)) continue;
    const properties = node.properties;
    if (!isSchemaObject(properties)) continue;
    for (const [name, property] of Object.entries(properties)) {
      if (isSchemaObject(property))
        yield [`${pointer}/properties/${name}`, property];
    }
  }
}

describe('the schema files', () => {
  it('are exactly the ones the registry knows', () => {
    const files = readdirSync(schemaFolder).filter((name) =>
      name.endsWith('.json'),
    );
    expect(files.sort()).toEqual([...schemaFileNamesInOrder].sort());
  });

  it.each(schemaFileNamesInOrder)(
    '%s has its $id and draft 2020-12',
    (fileName) => {
      const schema = registry.schemas.get(schemaId(fileName));
      expect(schema?.$id).toBe(`https://slinga.dev/schemas/${fileName}`);
      expect(schema?.$schema).toBe(
        'https://json-schema.org/draft/2020-12/schema',
      );
    },
  );

  it('compile together under ajv 2020 in strict mode', () => {
    const ajv = createAjv(registry);
    for (const fileName of schemaFileNamesInOrder) {
      expect(ajv.getSchema(schemaId(fileName))).toBeTypeOf('function');
    }
  });

  it.each(schemaFileNamesInOrder)(
    '%s compiles in a fresh strict ajv from the file on disk',
    (fileName) => {
      const ajv = new Ajv2020({
        strict: true,
        strictRequired: false,
        allowUnionTypes: true,
      });
      formats.default(ajv, { formats: ['date'] });
      for (const other of schemaFileNamesInOrder) {
        const text = readFileSync(new URL(other, schemaFolder), 'utf8');
        ajv.addSchema(JSON.parse(text) as SchemaObject);
      }
      expect(() => ajv.getSchema(schemaId(fileName))).not.toThrow();
    },
  );

  it.each(schemaFileNamesInOrder)('%s describes every key', (fileName) => {
    const schema = registry.schemas.get(schemaId(fileName)) ?? {};
    const undescribed = [...propertySchemas(schema)]
      .filter(([, property]) => typeof property.description !== 'string')
      .map(([pointer]) => pointer);
    expect(undescribed).toEqual([]);
  });

  it.each(schemaFileNamesInOrder)(
    '%s gives every definition a title and a description',
    (fileName) => {
      const definitions = registry.schemas.get(schemaId(fileName))?.$defs ?? {};
      const untitled = Object.entries(definitions)
        .filter(
          ([, definition]) =>
            !isSchemaObject(definition) ||
            typeof definition.title !== 'string' ||
            typeof definition.description !== 'string',
        )
        .map(([name]) => name);
      expect(untitled).toEqual([]);
    },
  );

  it.each(
    schemaFileNamesInOrder.filter((name) => name !== 'workspace.schema.json'),
  )(
    '%s allows no keys it does not declare, except in maps keyed by names',
    (fileName) => {
      const schema = registry.schemas.get(schemaId(fileName)) ?? {};
      const open = [...subschemas(schema)]
        .filter(([pointer, node]) => {
          if (node.type !== 'object' || /\/(if|then|else)/.test(pointer))
            return false;
          if (isSchemaObject(node.additionalProperties)) {
            return !isSchemaObject(node.propertyNames);
          }
          return node.additionalProperties !== false;
        })
        .map(([pointer]) => pointer);
      // Fixture attributes and payloads are checked against the Model later.
      expect(open).toEqual(
        fileName === 'fixture.schema.json'
          ? [
              '/$defs/member/properties/attributes',
              '/$defs/event/properties/payload',
            ]
          : [],
      );
    },
  );

  it('have words for every pattern and format they use', () => {
    const constraints = [...registry.schemas.values()].flatMap((schema) =>
      [...subschemas(schema)].flatMap(([, node]) => [
        ...(typeof node.pattern === 'string'
          ? [{ pattern: node.pattern }]
          : []),
        ...(typeof node.format === 'string' ? [{ format: node.format }] : []),
      ]),
    );
    expect(constraints.length).toBeGreaterThan(0);
    for (const constraint of constraints) {
      expect(describeConstraint(registry, constraint).explanation).not.toBe('');
    }
  });

  it('name a schema file for every document kind', () => {
    for (const kind of documentKinds) {
      const schema = registry.schemas.get(schemaId(schemaFileNames[kind]));
      const kindProperty = (schema?.properties as Record<string, SchemaObject>)
        .kind;
      expect(kindProperty?.const).toBe(kind);
    }
  });
});

describe('the workspace schema for editors', () => {
  const ajv = createAjv(registry);
  const validate = ajv.getSchema(schemaId('workspace.schema.json'));

  it('accepts a document of any kind', () => {
    const segment = parse(
      'kind: Segment\nid: lapsed\ncondition: true\n',
    ) as unknown;
    expect(validate?.(segment)).toBe(true);
  });

  it('checks a document against the schema of its kind', () => {
    const segment = parse(
      'kind: Segment\nid: lapsed\nconditon: true\n',
    ) as unknown;
    expect(validate?.(segment)).toBe(false);
  });

  it('rejects an unknown kind', () => {
    expect(validate?.({ kind: 'Campaign', id: 'x' })).toBe(false);
  });
});
