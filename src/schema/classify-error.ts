import type { ErrorObject } from 'ajv/dist/2020.js';

import { closestName } from '../diagnostics/did-you-mean.js';
import { describeConstraint, describeForm } from './form-descriptions.js';
import { pathOfPointer, valueAt, type JsonPath } from './json-path.js';
import {
  allowedOnlyWhen,
  choiceKeys,
  constrainedBecause,
  declaredKeys,
  requiredBecause,
} from './object-schema-facts.js';
import {
  acceptedTypes,
  alternativesOf,
  schemaAtPath,
  schemaBeforeChoice,
} from './schema-at-path.js';
import type { ExpectedValue, SchemaProblem } from './schema-problem.js';
import type { SchemaObject } from './schema-registry.js';
import type { ValidationContext } from './validation-context.js';

type Params = Readonly<Record<string, unknown>>;

/**
 * The problem an ajv error stands for, or undefined for errors that only
 * accompany others (`if`, `propertyNames`) or that repeat what the data
 * already shows.
 */
export function classifyError(
  error: ErrorObject,
  context: ValidationContext,
): SchemaProblem | undefined {
  const path = pathOfPointer(error.instancePath, context.document);
  const params: Params = error.params;
  switch (error.keyword) {
    case 'if':
    case 'propertyNames':
      return undefined;
    case 'additionalProperties':
      return unknownKey(path, String(params.additionalProperty), context);
    case 'required':
      return missingKey(path, String(params.missingProperty), context);
    case 'dependentRequired':
      return {
        kind: 'needs-companion',
        path,
        key: String(params.property),
        companion: String(params.missingProperty),
      };
    case 'false schema':
      return forbiddenKey(path, error.schemaPath, context);
    case 'type':
      return wrongType(path, params, error.schemaPath, context);
    case 'enum':
      return {
        kind: 'value-not-allowed',
        path,
        allowed: list(params.allowedValues),
      };
    case 'const':
      return {
        kind: 'value-not-allowed',
        path,
        allowed: [params.allowedValue],
      };
    case 'pattern':
      return patternMismatch(path, error, params, context);
    case 'format': {
      const format = String(params.format);
      const form = describeConstraint(context.registry, { format });
      return { kind: 'bad-form', path, form };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return outOfRange(path, params);
    case 'minProperties':
      return tooFewKeys(path, Number(params.limit), error, context);
    case 'minItems':
    case 'minLength':
      return Number(params.limit) <= 1
        ? { kind: 'empty', path }
        : other(path, error);
    case 'uniqueItems':
      return duplicateItem(path, params);
    default:
      return other(path, error);
  }
}

function unknownKey(
  path: JsonPath,
  key: string,
  context: ValidationContext,
): SchemaProblem {
  const allowed = declaredKeys(objectSchema(path, context));
  const suggestion = closestName(key, allowed);
  return { kind: 'unknown-key', path, key, allowed, suggestion };
}

function missingKey(
  path: JsonPath,
  key: string,
  context: ValidationContext,
): SchemaProblem {
  const data = valueAt(context.document, path);
  const condition = requiredBecause(objectSchema(path, context), data, key);
  return condition === undefined
    ? { kind: 'missing-key', path, key }
    : { kind: 'required-by-condition', path, key, condition };
}

/**
 * A key that a `false` schema forbids: either one of a group of exclusive
 * keys (`dependentSchemas: { a: { properties: { b: false } } }`) or a key an
 * `else` rules out.
 */
function forbiddenKey(
  path: JsonPath,
  schemaPath: string,
  context: ValidationContext,
): SchemaProblem | undefined {
  const parent = path.slice(0, -1);
  const key = path.at(-1);
  if (typeof key !== 'string') return undefined;
  const node = objectSchema(parent, context);
  const data = valueAt(context.document, parent);
  if (
    /\/dependentSchemas\/[^/]+\/properties\/[^/]+\/false schema$/.test(
      schemaPath,
    )
  ) {
    // Every pair of the group is an error; all of them name the same keys.
    const choices = choiceKeys(node);
    const present = keysAt(parent, context).filter((name) =>
      choices.includes(name),
    );
    return {
      kind: 'conflicting-choices',
      path: parent,
      present,
      choices,
      step: isStep(node),
    };
  }
  const condition = allowedOnlyWhen(node, data, key);
  if (condition !== undefined) {
    return { kind: 'allowed-only-when', path: parent, key, condition };
  }
  return {
    kind: 'other',
    path,
    detail: `the key "${key}" is not allowed here`,
  };
}

function wrongType(
  path: JsonPath,
  params: Params,
  schemaPath: string,
  context: ValidationContext,
): SchemaProblem {
  const types = Array.isArray(params.type)
    ? params.type.map(String)
    : String(params.type).split(',');
  const key = path.at(-1);
  const parent = path.slice(0, -1);
  const condition =
    typeof key === 'string' && schemaPath.includes('/then/')
      ? constrainedBecause(
          objectSchema(parent, context),
          valueAt(context.document, parent),
          key,
        )
      : undefined;
  const expected =
    condition === undefined ? expectedAt(path, context) : undefined;
  return {
    kind: 'wrong-type',
    path,
    expected: expected ?? types.map((type) => ({ type })),
    condition,
  };
}

/**
 * What the schema at a path accepts, alternative by alternative, naming the
 * forms of text it has words for (`a duration`) rather than just `text`.
 */
function expectedAt(
  path: JsonPath,
  context: ValidationContext,
): ExpectedValue[] | undefined {
  const { registry, root, document } = context;
  const located = schemaBeforeChoice(registry, root, document, path);
  if (located === undefined) return undefined;
  const alternatives = alternativesOf(registry, located);
  const nodes = alternatives.length === 0 ? [located] : alternatives;
  return nodes.flatMap(({ node }): ExpectedValue[] => {
    const form = describeForm(node);
    if (form !== undefined) return [{ form }];
    return (acceptedTypes(node) ?? []).map((type) => ({ type }));
  });
}

function patternMismatch(
  path: JsonPath,
  error: ErrorObject,
  params: Params,
  context: ValidationContext,
): SchemaProblem {
  const pattern = String(params.pattern);
  const form = describeConstraint(context.registry, { pattern });
  // Inside `propertyNames`, ajv names the key and points at its mapping.
  if (error.propertyName !== undefined) {
    return { kind: 'bad-name', path, name: error.propertyName, form };
  }
  return { kind: 'bad-form', path, form };
}

function outOfRange(path: JsonPath, params: Params): SchemaProblem {
  return {
    kind: 'out-of-range',
    path,
    comparison: String(params.comparison),
    limit: Number(params.limit),
  };
}

function tooFewKeys(
  path: JsonPath,
  limit: number,
  error: ErrorObject,
  context: ValidationContext,
): SchemaProblem | undefined {
  const node = objectSchema(path, context);
  const choices = choiceKeys(node);
  if (choices.length === 0) {
    return limit <= 1 ? { kind: 'empty', path } : other(path, error);
  }
  // A missing required key explains a short mapping that has a choice.
  const present = keysAt(path, context);
  if (choices.some((choice) => present.includes(choice))) return undefined;
  return { kind: 'missing-choice', path, choices, step: isStep(node) };
}

function duplicateItem(path: JsonPath, params: Params): SchemaProblem {
  const index = Math.max(Number(params.i), Number(params.j));
  return { kind: 'duplicate-item', path, index };
}

function other(path: JsonPath, error: ErrorObject): SchemaProblem {
  return { kind: 'other', path, detail: error.message ?? error.keyword };
}

function objectSchema(
  path: JsonPath,
  context: ValidationContext,
): SchemaObject {
  const { registry, root, document } = context;
  return schemaAtPath(registry, root, document, path)?.node ?? {};
}

/** The keys of the mapping at a path, in document order. */
function keysAt(path: JsonPath, context: ValidationContext): string[] {
  const value = valueAt(context.document, path);
  return typeof value === 'object' && value !== null ? Object.keys(value) : [];
}

/**
 * Steps get messages of their own. The title that names the generated type
 * `StepDocument` tells them apart.
 */
function isStep(node: SchemaObject): boolean {
  return node.title === 'StepDocument';
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [value];
}
