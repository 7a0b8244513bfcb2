import type { ErrorObject } from 'ajv/dist/2020.js';

import { pathOfPointer, valueAt } from './json-path.js';
import {
  acceptedTypes,
  alternativesOf,
  fitsType,
  schemaBeforeChoice,
} from './schema-at-path.js';
import type { LocatedSchema } from './schema-registry.js';
import type { ValidationContext } from './validation-context.js';

/**
 * Replaces the errors of each failed `anyOf` by those of the one alternative
 * whose type fits the value, so that `wait: 3 days` reports a bad duration
 * rather than also "must be a mapping". When no alternative fits, one type
 * error names the types of all of them.
 */
export function collapseAlternatives(
  errors: readonly ErrorObject[],
  context: ValidationContext,
): ErrorObject[] {
  let remaining = [...errors];
  for (const anyOf of errors.filter((error) => error.keyword === 'anyOf')) {
    remaining = collapseOne(remaining, anyOf, context);
  }
  return remaining;
}

function collapseOne(
  errors: ErrorObject[],
  anyOf: ErrorObject,
  context: ValidationContext,
): ErrorObject[] {
  const { registry, root, document } = context;
  const path = pathOfPointer(anyOf.instancePath, document);
  const located = schemaBeforeChoice(registry, root, document, path);
  if (located === undefined) return errors;
  const value = valueAt(document, path);
  const alternatives = alternativesOf(registry, located);
  const fitting = alternatives.filter((item) => fitsType(item.node, value));
  if (fitting.length > 1) return errors;

  // Alternatives whose type does not fit fail at the value itself, on their
  // type, enum or const; the one that fits cannot fail on its type.
  const chosen = fitting[0];
  const unfit = (error: ErrorObject): boolean =>
    error === anyOf ||
    (error.instancePath === anyOf.instancePath &&
      (error.keyword === 'type' ||
        ((error.keyword === 'enum' || error.keyword === 'const') &&
          (chosen === undefined || !ownsValueList(chosen, error)))));
  const kept = errors.filter((error) => !unfit(error));
  if (chosen !== undefined) return kept;
  const types = alternatives.flatMap((item) => acceptedTypes(item.node) ?? []);
  return [...kept, typeError(anyOf, [...new Set(types)])];
}

function ownsValueList(chosen: LocatedSchema, error: ErrorObject): boolean {
  const params: Readonly<Record<string, unknown>> = error.params;
  if (error.keyword === 'const') {
    return 'const' in chosen.node && chosen.node.const === params.allowedValue;
  }
  const own = chosen.node.enum;
  const reported = params.allowedValues;
  return (
    Array.isArray(own) &&
    Array.isArray(reported) &&
    own.length === reported.length &&
    own.every((item, index) => item === reported[index])
  );
}

function typeError(anyOf: ErrorObject, types: string[]): ErrorObject {
  return {
    keyword: 'type',
    instancePath: anyOf.instancePath,
    schemaPath: `${anyOf.schemaPath}/type`,
    params: { type: types },
  };
}
