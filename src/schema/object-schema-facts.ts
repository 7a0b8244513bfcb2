import { isSchemaObject, type SchemaObject } from './schema-registry.js';

/**
 * Facts about an object schema that the error messages need: its keys, the
 * keys of which exactly one may stand, and the conditions of its `if`s.
 */

/** The keys an object schema declares, in the order written. */
export function declaredKeys(node: SchemaObject): string[] {
  return isSchemaObject(node.properties) ? Object.keys(node.properties) : [];
}

/**
 * The keys of which at most one may stand: those whose `dependentSchemas`
 * entry forbids other keys (`properties: { other: false }`).
 */
export function choiceKeys(node: SchemaObject): string[] {
  const dependents = node.dependentSchemas;
  if (!isSchemaObject(dependents)) return [];
  return declaredKeys(node).filter((key) => {
    const dependent = dependents[key];
    if (!isSchemaObject(dependent)) return false;
    const properties = dependent.properties;
    return (
      isSchemaObject(properties) &&
      Object.values(properties).some((value) => value === false)
    );
  });
}

/**
 * Why `key` is required, when a `then` that holds for the data requires it:
 * the words of the `if`, such as `"every" is "week"`.
 */
export function requiredBecause(
  node: SchemaObject,
  data: unknown,
  key: string,
): string | undefined {
  const rule = conditionals(node).find(
    (item) =>
      ifHolds(item.if, data) &&
      Array.isArray(item.then?.required) &&
      item.then.required.includes(key),
  );
  return rule === undefined ? undefined : describeCondition(rule.if);
}

/**
 * The condition under which `key` may stand, when an `else` that applies to
 * the data forbids it.
 */
export function allowedOnlyWhen(
  node: SchemaObject,
  data: unknown,
  key: string,
): string | undefined {
  const rule = conditionals(node).find(
    (item) =>
      !ifHolds(item.if, data) &&
      isSchemaObject(item.else?.properties) &&
      item.else.properties[key] === false,
  );
  return rule === undefined ? undefined : describeCondition(rule.if);
}

/**
 * The condition that puts a further constraint on the value of `key`, when a
 * `then` that holds for the data constrains it.
 */
export function constrainedBecause(
  node: SchemaObject,
  data: unknown,
  key: string,
): string | undefined {
  const rule = conditionals(node).find(
    (item) =>
      ifHolds(item.if, data) &&
      isSchemaObject(item.then?.properties) &&
      key in item.then.properties,
  );
  return rule === undefined ? undefined : describeCondition(rule.if);
}

interface Conditional {
  readonly if: SchemaObject;
  readonly then?: SchemaObject;
  readonly else?: SchemaObject;
}

function conditionals(node: SchemaObject): Conditional[] {
  const allOf: readonly unknown[] = Array.isArray(node.allOf) ? node.allOf : [];
  return [node, ...allOf].filter(isSchemaObject).flatMap((item) => {
    if (!isSchemaObject(item.if)) return [];
    return [
      {
        if: item.if,
        ...(isSchemaObject(item.then) ? { then: item.then } : {}),
        ...(isSchemaObject(item.else) ? { else: item.else } : {}),
      },
    ];
  });
}

/**
 * Evaluates the simple `if`s Slinga's schemas use: required keys, and keys
 * whose value is a `const` or one of an `enum`.
 */
function ifHolds(condition: SchemaObject, data: unknown): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const record = data as Record<string, unknown>;
  const required = Array.isArray(condition.required) ? condition.required : [];
  if (!required.every((key) => typeof key === 'string' && key in record)) {
    return false;
  }
  return valueTests(condition).every(
    ({ key, values }) => !(key in record) || values.includes(record[key]),
  );
}

/** `"every" is "week"`, `"type" is "number" or "money"`. */
function describeCondition(condition: SchemaObject): string {
  return valueTests(condition)
    .map(({ key, values }) => {
      const words = values.map((value) => JSON.stringify(value));
      return `"${key}" is ${words.join(' or ')}`;
    })
    .join(' and ');
}

function valueTests(
  condition: SchemaObject,
): { key: string; values: unknown[] }[] {
  const properties = condition.properties;
  if (!isSchemaObject(properties)) return [];
  return Object.entries(properties).flatMap(([key, test]) => {
    if (!isSchemaObject(test)) return [];
    if ('const' in test) return [{ key, values: [test.const] }];
    if (Array.isArray(test.enum)) return [{ key, values: test.enum }];
    return [];
  });
}
