import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';

import { schemaFileNames, type DocumentKind } from './document-kind.js';
import {
  loadSchemaRegistry,
  schemaId,
  type LocatedSchema,
  type SchemaRegistry,
} from './schema-registry.js';

/** The parsed schemas and the ajv instance that compiled them. */
export interface SchemaValidators {
  readonly registry: SchemaRegistry;
  /** The compiled validator of a kind; compiled on first use, then kept. */
  readonly validatorFor: (kind: DocumentKind) => ValidateFunction;
  /** The root schema of a kind, for walking beside the data. */
  readonly rootFor: (kind: DocumentKind) => LocatedSchema;
}

let shared: SchemaValidators | undefined;

/** The validators of the schemas shipped in `schemas/`, created once. */
export function schemaValidators(): SchemaValidators {
  shared ??= createSchemaValidators(loadSchemaRegistry());
  return shared;
}

/** Validators over the given schemas. */
export function createSchemaValidators(
  registry: SchemaRegistry,
): SchemaValidators {
  const ajv = createAjv(registry);
  const rootFor = (kind: DocumentKind): LocatedSchema => {
    const base = schemaId(schemaFileNames[kind]);
    const node = registry.schemas.get(base);
    if (node === undefined) throw new Error(`no schema for ${kind}`);
    return { base, node };
  };
  const validatorFor = (kind: DocumentKind): ValidateFunction => {
    const validate = ajv.getSchema(schemaId(schemaFileNames[kind]));
    if (validate === undefined) throw new Error(`no schema for ${kind}`);
    return validate;
  };
  return { registry, validatorFor, rootFor };
}

/**
 * An ajv instance holding every schema. Strict mode catches mistakes in the
 * schemas themselves, except `strictRequired`: a `then` lists keys in
 * `required` that the enclosing schema declares, which that rule rejects.
 * Union types are allowed because a condition may be any YAML scalar. Of the
 * formats, only `date` is used: ajv's `date-time` requires seconds and an
 * offset, which Slinga's datetimes may leave out, so a pattern checks those.
 */
export function createAjv(registry: SchemaRegistry): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
  });
  // ajv-formats is CommonJS; its function is also its `default` property.
  formats.default(ajv, { formats: ['date'] });
  for (const schema of registry.schemas.values()) ajv.addSchema(schema);
  return ajv;
}
