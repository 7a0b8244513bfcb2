import type { Instruction, ProgramJourney } from '../runtime/program.js';
import { assertNever } from '../support/assert-never.js';
import type { Condition } from '../workspace/condition.js';
import type { Journey, Step } from '../workspace/journey.js';

/**
 * A journey as the engine's data: its steps flattened into instructions
 * (last step first, so every jump target is known when it is written), its
 * conditions in the form `compile` gives them. The simulator passes compiled
 * functions; the TypeScript emitter passes references into conditions.ts,
 * so both describe the same journey with the same instruction indexes.
 */
export function flattenJourney<C>(
  journey: Journey,
  index: number,
  compile: (condition: Condition) => C,
): ProgramJourney<C> {
  const compileOptional = (condition: Condition | undefined): C | null =>
    condition === undefined ? null : compile(condition);
  const code: Instruction<C>[] = [{ op: 'end' }];
  const start = compileSteps(journey.steps, 0, code, compile);
  const { entry, reEntry, goal } = journey;
  return {
    id: journey.id,
    index,
    rank: index,
    category: journey.category,
    entry:
      entry.kind === 'event'
        ? {
            kind: 'event',
            event: entry.event,
            when: compileOptional(entry.when),
          }
        : entry.kind === 'schedule'
          ? {
              kind: 'schedule',
              every: entry.every,
              atMinute: entry.atMinute,
              weekday: entry.weekday,
              dayOfMonth: entry.dayOfMonth,
              audience: compileOptional(entry.audience),
            }
          : { kind: 'segment', segment: entry.segment, atMinute: 9 * 60 },
    reEntryAfterMs:
      reEntry.kind === 'never'
        ? -1
        : reEntry.kind === 'always'
          ? 0
          : reEntry.afterMs,
    exitEvents: journey.exitRules.flatMap((rule) =>
      rule.kind === 'event'
        ? [{ event: rule.event, when: compileOptional(rule.when) }]
        : [],
    ),
    exitConditions: journey.exitRules.flatMap((rule) =>
      rule.kind === 'condition' ? [compile(rule.when)] : [],
    ),
    goal:
      goal === undefined
        ? null
        : {
            event: goal.event,
            withinMs: goal.withinMs,
            when: compileOptional(goal.when),
          },
    code,
    start,
  };
}

/** Appends a list of steps to `code`; returns the index of its first step. */
function compileSteps<C>(
  steps: readonly Step[],
  next: number,
  code: Instruction<C>[],
  compile: (condition: Condition) => C,
): number {
  let continuation = next;
  for (let index = steps.length - 1; index >= 0; index--) {
    const step = steps[index];
    if (step !== undefined)
      continuation = compileStep(step, continuation, code, compile);
  }
  return continuation;
}

function compileStep<C>(
  step: Step,
  next: number,
  code: Instruction<C>[],
  compile: (condition: Condition) => C,
): number {
  const compileOptional = (condition: Condition | undefined): C | null =>
    condition === undefined ? null : compile(condition);
  const push = (instruction: Instruction<C>): number =>
    code.push(instruction) - 1;
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
    case 'wait_event':
      return push({
        op: 'wait_event',
        step: step.id,
        event: step.event,
        when: compileOptional(step.when),
        timeoutMs: step.timeoutMs,
        onEvent: compileSteps(step.onEvent, next, code, compile),
        onTimeout: compileSteps(step.onTimeout, next, code, compile),
      });
    case 'branch':
      return push({
        op: 'branch',
        step: step.id,
        when: compile(step.when),
        then: compileSteps(step.then, next, code, compile),
        else: compileSteps(step.else, next, code, compile),
      });
    case 'split': {
      let upTo = 0;
      const variants = step.variants.map((variant) => {
        upTo += variant.share;
        return {
          id: variant.id,
          upTo,
          start: compileSteps(variant.steps, next, code, compile),
        };
      });
      return push({ op: 'split', step: step.id, variants });
    }
    case 'update':
      return push({
        op: 'update',
        step: step.id,
        assignments: step.assignments.map(({ attribute, value }) => ({
          attribute,
          value: compile(value),
        })),
        next,
      });
    case 'exit':
      return push({ op: 'exit', step: step.id, reason: step.reason });
    default:
      return assertNever(step);
  }
}
