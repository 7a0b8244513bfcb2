import { report } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { Span } from '../diagnostics/source-file.js';
import { assertNever } from '../support/assert-never.js';
import type { DocumentKind } from './document-kind.js';
import { describeOwner, describeSubject } from './describe-place.js';
import { describeTypes, describeValue } from './describe-value.js';
import { valueAt, type JsonPath } from './json-path.js';
import type { Locate } from './locate.js';
import type { ExpectedValue, SchemaProblem } from './schema-problem.js';
import { capitalize, listWords, quoted } from './word-lists.js';

/** What turning problems into diagnostics needs. */
export interface ReportContext {
  readonly kind: DocumentKind;
  readonly document: unknown;
  readonly locate: Locate;
}

/** The diagnostic for a schema problem, placed where the reader must look. */
export function reportProblem(
  problem: SchemaProblem,
  context: ReportContext,
): Diagnostic {
  const { path } = problem;
  const owner = describeOwner(path, context.kind);
  const subject = capitalize(describeSubject(path));
  const value = valueAt(context.document, path);
  const actual = describeValue(value);
  const atKey = (key: string): Span | undefined =>
    nearestSpan(context.locate, [...path, key], 'key');
  const atMapping = (): Span | undefined => mappingSpan(context.locate, path);
  const atValue = (): Span | undefined =>
    nearestSpan(context.locate, path, 'value');

  switch (problem.kind) {
    case 'unknown-key':
      return report('SL200', atKey(problem.key), {
        key: problem.key,
        owner,
        suggestion: didYouMean(problem.key, problem.allowed),
        allowed: problem.allowed.join(', '),
      });
    case 'missing-key':
      return report('SL201', atMapping(), {
        owner: capitalize(owner),
        key: problem.key,
      });
    case 'required-by-condition':
      return report('SL202', atMapping(), {
        owner: capitalize(owner),
        key: problem.key,
        condition: problem.condition,
      });
    case 'allowed-only-when':
      return report('SL203', atKey(problem.key), {
        key: problem.key,
        condition: problem.condition,
      });
    case 'needs-companion':
      return report('SL204', atKey(problem.key), {
        key: problem.key,
        companion: problem.companion,
      });
    case 'wrong-type':
      return report('SL205', atValue(), {
        subject,
        expected: describeExpected(problem.expected),
        condition:
          problem.condition === undefined ? '' : ` when ${problem.condition}`,
        actual,
      });
    case 'value-not-allowed':
      return reportValueNotAllowed(problem.allowed, subject, value, atValue());
    case 'bad-form':
      return report('SL207', atValue(), { actual, ...problem.form });
    case 'bad-name':
      return report('SL208', atKey(problem.name), {
        name: problem.name,
        ...problem.form,
      });
    case 'out-of-range':
      return report('SL209', atValue(), {
        subject,
        comparison: comparisonWords[problem.comparison] ?? problem.comparison,
        limit: problem.limit,
        actual,
      });
    case 'empty':
      return report('SL210', atValue(), { subject });
    case 'duplicate-item': {
      const itemPath = [...path, problem.index];
      return report('SL211', nearestSpan(context.locate, itemPath, 'value'), {
        subject,
        actual: describeValue(valueAt(context.document, itemPath)),
      });
    }
    case 'missing-choice': {
      const choices = listWords(quoted(problem.choices), 'or');
      return problem.step
        ? report('SL214', atMapping(), { choices })
        : report('SL212', atMapping(), { owner: capitalize(owner), choices });
    }
    case 'conflicting-choices': {
      const second = problem.present[1] ?? problem.present[0] ?? '';
      const present = listWords(quoted(problem.present), 'and');
      return problem.step
        ? report('SL215', atKey(second), {
            count: problem.present.length,
            present,
          })
        : report('SL213', atKey(second), {
            owner: capitalize(owner),
            choices: listWords(quoted(problem.choices), 'or'),
            present,
          });
    }
    case 'other':
      return report('SL216', atValue(), { subject, detail: problem.detail });
    default:
      return assertNever(problem);
  }
}

/** `a duration (such as 7d) or a mapping`. */
function describeExpected(expected: readonly ExpectedValue[]): string {
  const types = expected.flatMap((item) => ('type' in item ? [item.type] : []));
  const forms = expected.flatMap((item) => {
    if (!('form' in item)) return [];
    const { noun, example } = item.form;
    return [example === '' ? noun : `${noun} (such as ${example})`];
  });
  const typeWords = types.length === 0 ? [] : [describeTypes(types)];
  return listWords([...forms, ...typeWords], 'or');
}

const comparisonWords: Readonly<Record<string, string>> = {
  '>=': 'at least',
  '<=': 'at most',
  '>': 'more than',
  '<': 'less than',
};

function reportValueNotAllowed(
  allowed: readonly unknown[],
  subject: string,
  value: unknown,
  span: Span | undefined,
): Diagnostic {
  const names = allowed.filter(
    (item): item is string => typeof item === 'string',
  );
  const words = quoted(allowed);
  return report('SL206', span, {
    subject,
    allowed:
      words.length > 2
        ? `one of ${listWords(words, 'or')}`
        : listWords(words, 'or'),
    actual: describeValue(value),
    suggestion: typeof value === 'string' ? didYouMean(value, names) : '',
  });
}

/**
 * The span of the mapping at a path, where a key is missing: its key, or the
 * item for a list item. For the document itself, the point where it starts.
 */
function mappingSpan(locate: Locate, path: JsonPath): Span | undefined {
  if (path.length === 0) {
    const whole = locate([], 'value');
    return whole === undefined ? undefined : { ...whole, end: whole.start };
  }
  return nearestSpan(locate, path, 'key');
}

/** The span at a path, or else at the nearest enclosing path that has one. */
function nearestSpan(
  locate: Locate,
  path: JsonPath,
  part: 'key' | 'value',
): Span | undefined {
  for (let length = path.length; length > 0; length--) {
    const span = locate(
      path.slice(0, length),
      length === path.length ? part : 'key',
    );
    if (span !== undefined) return span;
  }
  return mappingSpan(locate, []);
}
