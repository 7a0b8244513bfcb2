import { assertNever } from '../support/assert-never.js';
import { samePath } from './json-path.js';
import type { SchemaProblem } from './schema-problem.js';

/**
 * Leaves one problem per mistake: drops repeats, and problems that another
 * one already explains. A misspelt key (`sned`) also makes the key it was
 * meant to be missing; a value of the wrong type also fails its pattern or
 * its list of values.
 */
export function pruneProblems(
  problems: readonly SchemaProblem[],
): SchemaProblem[] {
  const unique = [
    ...new Map(
      problems.map((problem) => [JSON.stringify(problem), problem]),
    ).values(),
  ];
  return unique.filter((problem) => !isExplained(problem, unique));
}

function isExplained(
  problem: SchemaProblem,
  all: readonly SchemaProblem[],
): boolean {
  const suggested = suggestionsAt(problem, all);
  switch (problem.kind) {
    case 'missing-key':
    case 'required-by-condition':
      return suggested.includes(problem.key);
    case 'needs-companion':
      return suggested.includes(problem.companion);
    case 'missing-choice':
      return problem.choices.some((choice) => suggested.includes(choice));
    case 'value-not-allowed':
    case 'bad-form':
    case 'out-of-range':
      return all.some(
        (other) =>
          other.kind === 'wrong-type' && samePath(other.path, problem.path),
      );
    case 'wrong-type':
      // A type that an `if` asks for says more than the general one.
      return (
        problem.condition === undefined &&
        all.some(
          (other) =>
            other.kind === 'wrong-type' &&
            other.condition !== undefined &&
            samePath(other.path, problem.path),
        )
      );
    case 'unknown-key':
    case 'allowed-only-when':
    case 'bad-name':
    case 'empty':
    case 'duplicate-item':
    case 'conflicting-choices':
    case 'other':
      return false;
    default:
      return assertNever(problem);
  }
}

/** The keys that unknown keys in the same mapping were probably meant to be. */
function suggestionsAt(
  problem: SchemaProblem,
  all: readonly SchemaProblem[],
): string[] {
  return all.flatMap((other) =>
    other.kind === 'unknown-key' &&
    other.suggestion !== undefined &&
    samePath(other.path, problem.path)
      ? [other.suggestion]
      : [],
  );
}
