import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

import { parse, stringify } from 'yaml';

import {
  documentKinds,
  isDocumentKind,
  type DocumentKind,
} from '../../src/schema/document-kind.js';
import type { JsonPath } from '../../src/schema/json-path.js';
import { schemaValidators } from '../../src/schema/schema-validators.js';
import { validateDocument } from '../../src/schema/validate-document.js';
import { parseYaml } from './yaml-locate.js';

/** Keys that Slinga documents use, so that random documents get deep. */
const keys = [
  'id',
  'steps',
  'send',
  'wait',
  'branch',
  'split',
  'update',
  'exit',
  'when',
  'then',
  'else',
  'channel',
  'template',
  'event',
  'timeout',
  'until',
  'variants',
  'share',
  'set',
  'entry',
  'schedule',
  'every',
  'at',
  'on',
  'segment',
  'audience',
  'type',
  'values',
  'items',
  'properties',
  'member',
  'discount',
  'percent',
  'amount',
  'param',
  'period',
  'start',
  'days',
  'end',
  'expect',
  'receives',
  'caps',
  'max',
  'window',
  'sned',
  'stpes',
];

const scalar = fc.oneof(
  fc.constantFrom('email', 'sms', '7d', '3 days', '09:00', 'week', 'enum', 'x'),
  fc.integer({ min: -2, max: 200 }),
  fc.boolean(),
  fc.constant(null),
);

const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('tree'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...keys), tie('tree'), { maxKeys: 4 }),
  ),
}));

/** Checks one document both ways: against ajv, and for placed diagnostics. */
function checkAgreement(kind: DocumentKind, document: unknown): void {
  const validate = schemaValidators().validatorFor(kind);
  const { value, locate } = parseYaml(stringify(document));
  const diagnostics = validateDocument(kind, value, locate);
  expect(diagnostics.length === 0).toBe(validate(value));
  for (const diagnostic of diagnostics) {
    expect(diagnostic.code).toMatch(/^SL2[01][0-9]$/);
    expect(diagnostic.span).toBeDefined();
  }
}

/** The document examples of docs/formats.md, parsed. */
function formatExamples(): [DocumentKind, unknown][] {
  const markdown = readFileSync(
    new URL('../../docs/formats.md', import.meta.url),
    'utf8',
  );
  return [...markdown.matchAll(/```yaml\n(kind: (\w+)[\s\S]*?)```/g)].flatMap(
    ([, text, kind]) =>
      kind !== undefined && isDocumentKind(kind)
        ? [[kind, parse(text ?? '') as unknown] as [DocumentKind, unknown]]
        : [],
  );
}

/** Every path in a value, the root first. */
function allPaths(value: unknown, path: JsonPath = []): JsonPath[] {
  if (typeof value !== 'object' || value === null) return [path];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [index, item] as const)
    : Object.entries(value);
  return [
    path,
    ...entries.flatMap(([step, item]) => allPaths(item, [...path, step])),
  ];
}

/** A copy of a value with the value at a path replaced, or removed. */
function replaceAt(
  value: unknown,
  path: JsonPath,
  by: unknown,
  remove: boolean,
): unknown {
  const [step, ...rest] = path;
  if (step === undefined) return by;
  if (typeof value !== 'object' || value === null) return value;
  const copy = (
    Array.isArray(value)
      ? [...(value as unknown[])]
      : { ...(value as Record<string, unknown>) }
  ) as Record<string | number, unknown>;
  if (rest.length === 0 && remove) {
    if (Array.isArray(copy)) copy.splice(Number(step), 1);
    else delete copy[step];
    return copy;
  }
  copy[step] = replaceAt(copy[step], rest, by, remove);
  return copy;
}

describe('validateDocument on random documents', () => {
  it.each(formatExamples())(
    'agrees with ajv on mutations of the %s example',
    (kind, example) => {
      const paths = allPaths(example).filter(
        (path) => path.length > 0 && path[0] !== 'kind',
      );
      const mutation = fc.record({
        path: fc.constantFrom(...paths),
        by: tree,
        remove: fc.boolean(),
      });
      fc.assert(
        fc.property(mutation, ({ path, by, remove }) => {
          checkAgreement(kind, replaceAt(example, path, by, remove));
        }),
        { numRuns: 300, seed: 20250301 },
      );
    },
  );

  it.each(documentKinds)(
    'reports a random %s document as invalid exactly when ajv does',
    (kind) => {
      const documents = fc.dictionary(fc.constantFrom(...keys), tree, {
        maxKeys: 6,
      });
      fc.assert(
        fc.property(documents, (fields) => {
          checkAgreement(kind, { kind, id: 'doc', ...fields });
        }),
        { numRuns: 300, seed: 20250301 },
      );
    },
  );
});
