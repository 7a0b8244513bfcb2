import { assertNever } from '../../support/assert-never.js';
import type { Condition } from '../../workspace/condition.js';
import type { Journey, Step } from '../../workspace/journey.js';
import { Commented, type Literal } from './literal-writer.js';

/** Where segment journeys check their segment: 09:00, as buildProgram does. */
const segmentEntryMinute = 9 * 60;

/** A condition as a reference into conditions.ts. */
export type Reference = (condition: Condition) => Literal;
/** An optional condition as a reference, or null. */
export type OptionalReference = (condition: Condition | undefined) => Literal;

/**
 * A journey as a ProgramJourney literal, built as buildProgram builds it:
 * its instructions in the same order, so every jump target matches.
 */
export function journeyLiteral(
  journey: Journey,
  index: number,
  ref: Reference,
  optional: OptionalReference,
): Literal {
  const instructions: Literal[] = [{ op: 'end' }];
  const start = compileSteps(journey.steps, 0, instructions, ref, optional);
  const { entry, reEntry, goal } = journey;
  return {
    id: journey.id,
    index,
    rank: index,
    category: journey.category,
    entry:
      entry.kind === 'event'
        ? { kind: 'event', event: entry.event, when: optional(entry.when) }
        : entry.kind === 'schedule'
          ? {
              kind: 'schedule',
              every: entry.every,
              atMinute: entry.atMinute,
              weekday: entry.weekday,
              dayOfMonth: entry.dayOfMonth,
              audience: optional(entry.audience),
            }
          : {
              kind: 'segment',
              segment: entry.segment,
              atMinute: segmentEntryMinute,
            },
    reEntryAfterMs:
      reEntry.kind === 'never'
        ? -1
        : reEntry.kind === 'always'
          ? 0
          : reEntry.afterMs,
    exitEvents: journey.exitRules.flatMap((rule): Literal[] =>
      rule.kind === 'event'
        ? [{ event: rule.event, when: optional(rule.when) }]
        : [],
    ),
    exitConditions: journey.exitRules.flatMap((rule): Literal[] =>
      rule.kind === 'condition' ? [ref(rule.when)] : [],
    ),
    goal:
      goal === undefined
        ? null
        : {
            event: goal.event,
            withinMs: goal.withinMs,
            when: optional(goal.when),
          },
    code: instructions.map(
      (instruction, at) => new Commented(String(at), instruction),
    ),
    start,
  };
}

/**
 * Appends steps to `code` as buildProgram does, last step first, so that
 * every index matches the simulator's; returns the first step's index.
 */
function compileSteps(
  steps: readonly Step[],
  next: number,
  instructions: Literal[],
  ref: Reference,
  optional: OptionalReference,
): number {
  let continuation = next;
  for (let index = steps.length - 1; index >= 0; index--) {
    const step = steps[index];
    if (step !== undefined) {
      continuation = compileStep(
        step,
        continuation,
        instructions,
        ref,
        optional,
      );
    }
  }
  return continuation;
}

function compileStep(
  step: Step,
  next: number,
  instructions: Literal[],
  ref: Reference,
  optional: OptionalReference,
): number {
  const push = (instruction: Literal): number =>
    instructions.push(instruction) - 1;
  const steps = (list: readonly Step[]): number =>
    compileSteps(list, next, instructions, ref, optional);
  switch (step.kind) {
    case 'send':
      return push({
        op: 'send',
        step: step.id,
        channel: step.channel,
        template: step.template,
        offer: step.offer ?? null,
        category: step.category ?? null,
        next,
      });
    case 'wait_duration':
      return push({
        op: 'wait_duration',
        step: step.id,
        ms: step.durationMs,
        next,
      });
    case 'wait_until':
      return push({
        op: 'wait_until',
        step: step.id,
        minute: step.atMinute,
        next,
      });
    case 'wait_event': {
      const onEvent = steps(step.onEvent);
      const onTimeout = steps(step.onTimeout);
      return push({
        op: 'wait_event',
        step: step.id,
        event: step.event,
        when: optional(step.when),
        timeoutMs: step.timeoutMs,
        onEvent,
        onTimeout,
      });
    }
    case 'branch': {
      const then = steps(step.then);
      const otherwise = steps(step.else);
      return push({
        op: 'branch',
        step: step.id,
        when: ref(step.when),
        then,
        else: otherwise,
      });
    }
    case 'split': {
      let upTo = 0;
      const variants = step.variants.map((variant): Literal => {
        upTo += variant.share;
        return { id: variant.id, upTo, start: steps(variant.steps) };
      });
      return push({ op: 'split', step: step.id, variants });
    }
    case 'update':
      return push({
        op: 'update',
        step: step.id,
        assignments: step.assignments.map(({ attribute, value }) => ({
          attribute,
          value: ref(value),
        })),
        next,
      });
    case 'exit':
      return push({ op: 'exit', step: step.id, reason: step.reason });
    default:
      return assertNever(step);
  }
}
