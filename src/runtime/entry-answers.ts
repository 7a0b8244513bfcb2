import { civilFromDays } from './calendar.js';
import type { ConditionContext } from './condition-context.js';
import type { ProgramJourney } from './program.js';

/**
 * A scheduled or segment entry of a day, with its condition answered ahead
 * for every member (see EntryAnswers). A member changed since then is asked
 * again when the entry runs.
 */
export interface PlannedEntry {
  readonly journey: ProgramJourney;
  /** When the entry runs, and so the `now` its condition is answered for. */
  readonly at: number;
  /** The audience or segment condition; null: everyone. */
  readonly condition: ((c: ConditionContext) => unknown) | null;
  /** Per member index: 1 when the condition held. */
  answers: Uint8Array;
  /** The answers are stale for members changed at or after this pass. */
  pass: number;
}

/** An entry of a journey at an instant, its answers not yet worked out. */
export function planEntry(
  journey: ProgramJourney,
  at: number,
  condition: PlannedEntry['condition'],
): PlannedEntry {
  return { journey, at, condition, answers: new Uint8Array(0), pass: 0 };
}

/**
 * Entry conditions answered ahead. A condition reads only the member, the
 * clock and constants, so an answer worked out at the start of the day
 * holds at the entry's time unless the member changed in between. One pass
 * a day that reads each member once, for every entry of the day, costs a
 * fraction of a pass per entry over millions of members.
 */
export class EntryAnswers {
  /**
   * Per member index, the number of passes done when the member last
   * changed (an event's effects, an update step): answers from a later
   * pass still hold for it.
   */
  private changedAt = new Uint32Array(0);
  private passes = 0;

  /**
   * Answers `plans` for every member, on local day `day`; calls `visit`
   * with each member index on the way.
   */
  answer(
    plans: readonly PlannedEntry[],
    members: readonly Record<string, unknown>[],
    context: ConditionContext,
    day: number,
    visit: (index: number) => void,
  ): void {
    const count = members.length;
    const asked = plans.filter((plan) => plan.condition !== null);
    for (const plan of plans) plan.answers = new Uint8Array(count).fill(1);
    context.event = null;
    context.offer = null;
    context.today = day;
    for (let index = 0; index < count; index++) {
      context.member = members[index] as Record<string, unknown>;
      for (const plan of asked) {
        context.now = plan.at;
        if (plan.condition?.(context) !== true) plan.answers[index] = 0;
      }
      visit(index);
    }
    this.passes++;
    for (const plan of plans) plan.pass = this.passes;
  }

  /**
   * Whether a planned entry's condition holds for a member, the context's
   * clock at the entry's time: the answer worked out ahead, or a new one.
   */
  holds(
    plan: PlannedEntry,
    index: number,
    members: readonly Record<string, unknown>[],
    context: ConditionContext,
  ): boolean {
    if (plan.condition === null) return true;
    if (index < plan.answers.length && (this.changedAt[index] ?? 0) < plan.pass)
      return plan.answers[index] === 1;
    context.member = members[index] as Record<string, unknown>;
    return plan.condition(context) === true;
  }

  /** Notes that a member's attributes changed: earlier answers are stale. */
  changed(index: number): void {
    if (index >= this.changedAt.length) {
      const grown = new Uint32Array(
        Math.max(index + 1, this.changedAt.length * 2),
      );
      grown.set(this.changedAt);
      this.changedAt = grown;
    }
    this.changedAt[index] = this.passes;
  }
}

/** Whether a scheduled entry runs on a local day. */
export function runsOn(
  entry: Extract<ProgramJourney['entry'], { kind: 'schedule' }>,
  day: number,
): boolean {
  switch (entry.every) {
    case 'day':
      return true;
    case 'week':
      // Day 0 (1970-01-01) was a Thursday; weekday 0 is Monday.
      return (((day + 3) % 7) + 7) % 7 === entry.weekday;
    case 'month':
      return civilFromDays(day).day === entry.dayOfMonth;
  }
}
