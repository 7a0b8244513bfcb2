import type { TimeZone } from './time-zone.js';

/**
 * What a compiled condition reads when it runs for one member. Values have
 * the runtime forms of the condition language: dates are day numbers,
 * datetimes epoch milliseconds, durations milliseconds, money a number of
 * SEK, absent optional values null or undefined. Compiled code trusts the
 * values to match the Model's types.
 *
 * A caller that evaluates many members may reuse one context and replace
 * `member` between calls.
 */
export interface ConditionContext {
  member: Record<string, unknown>;
  /** The event in view, with its payload plus `at` and `type`; else null. */
  event: Record<string, unknown> | null;
  /** The journey's last offer to the member, when the condition sees one. */
  offer: Record<string, unknown> | null;
  params: Record<string, unknown>;
  /** Each segment's compiled condition, by segment id. */
  segments: Record<string, (c: ConditionContext) => boolean>;
  /** The current instant, epoch milliseconds. */
  now: number;
  /** The current local date in `timeZone`, days since 1970-01-01. */
  today: number;
  timeZone: TimeZone;
}

/**
 * A condition compiled to a JavaScript function. It returns the value of the
 * expression: a boolean for conditions.
 */
export type CompiledCondition = (c: ConditionContext) => unknown;
