import type { Step } from '../workspace/journey.js';
import { describeStep, hasWrittenId, stepFamily } from './describe-step.js';

/** Two step lists lined up: pairs of the same step, and the rest. */
export interface StepAlignment {
  readonly pairs: readonly (readonly [Step, Step])[];
  readonly removed: readonly Step[];
  readonly added: readonly Step[];
}

/**
 * Lines up the steps of two versions of a list. Steps with written ids
 * pair by id; others pair with a step of the same kind, preferring an
 * equal one, in order. Ids made from positions cannot be trusted to pair:
 * inserting a step renumbers those after it.
 */
export function alignSteps(
  base: readonly Step[],
  head: readonly Step[],
): StepAlignment {
  const scores = scoreTable(base, head);
  const pairs: [Step, Step][] = [];
  const removed: Step[] = [];
  const added: Step[] = [];
  let i = base.length;
  let j = head.length;
  while (i > 0 || j > 0) {
    const here = cell(scores, i, j);
    const before = base[i - 1];
    const after = head[j - 1];
    if (
      before !== undefined &&
      after !== undefined &&
      pairScore(before, after) > 0 &&
      here === cell(scores, i - 1, j - 1) + pairScore(before, after)
    ) {
      pairs.push([before, after]);
      i--;
      j--;
    } else if (before !== undefined && here === cell(scores, i - 1, j)) {
      removed.push(before);
      i--;
    } else if (after !== undefined) {
      added.push(after);
      j--;
    } else break;
  }
  return {
    pairs: pairs.reverse(),
    removed: removed.reverse(),
    added: added.reverse(),
  };
}

/** The best total score of pairing the first i base and j head steps. */
function scoreTable(base: readonly Step[], head: readonly Step[]): number[][] {
  const table = [new Array<number>(head.length + 1).fill(0)];
  base.forEach((before, index) => {
    const row = [0];
    const above = table[index] ?? [];
    head.forEach((after, column) => {
      const score = pairScore(before, after);
      const diagonal =
        score > 0 ? (above[column] ?? 0) + score : Number.NEGATIVE_INFINITY;
      row.push(Math.max(above[column + 1] ?? 0, row[column] ?? 0, diagonal));
    });
    table.push(row);
  });
  return table;
}

function cell(table: readonly number[][], i: number, j: number): number {
  return table[i]?.[j] ?? 0;
}

/** How well two steps pair: 0 when they cannot be the same step. */
function pairScore(before: Step, after: Step): number {
  const written = [hasWrittenId(before), hasWrittenId(after)];
  if (written[0] === true && written[1] === true)
    return before.id === after.id ? 4 : 0;
  if (stepFamily(before) !== stepFamily(after)) return 0;
  return describeStep(before) === describeStep(after) ? 3 : 1;
}
