import { compileCondition } from '../language/index.js';
import type {
  CompiledCondition,
  ConditionContext,
} from '../runtime/condition-context.js';
import type {
  EventEffect,
  Instruction,
  Program,
  ProgramJourney,
  ProgramOffer,
} from '../runtime/program.js';
import { TimeZone } from '../runtime/time-zone.js';
import { assertNever } from '../support/assert-never.js';
import type { Condition } from '../workspace/condition.js';
import type { Journey, Step } from '../workspace/journey.js';
import type { Offer, Workspace } from '../workspace/workspace.js';

/** The event type whose payload redeems offers. */
export const purchaseEventName = 'purchase';

/**
 * Compiles a checked workspace into the Program the engine runs: every
 * condition becomes a function, every journey a flat list of instructions.
 */
export function buildProgram(workspace: Workspace): Program {
  const segments: Record<string, (c: ConditionContext) => boolean> = {};
  for (const [id, segment] of workspace.segments) {
    const compiled = compile(segment.condition);
    segments[id] = (context) => compiled(context) === true;
  }
  const ranked = rankJourneys(workspace);
  const journeys = ranked.map((journey, index) => buildJourney(journey, index));
  return {
    timeZone: new TimeZone(workspace.policy.timeZone),
    journeys,
    offers: new Map(
      [...workspace.offers].map(([id, offer]) => [id, buildOffer(offer)]),
    ),
    policy: {
      consent: Object.fromEntries(
        [...workspace.policy.consent].map(([channel, condition]) => [
          channel,
          compile(condition),
        ]),
      ),
      caps: workspace.policy.caps.map(
        ({ id, max, windowMs, categories: only, channels }) => ({
          id,
          max,
          windowMs,
          categories: only,
          channels,
        }),
      ),
      quietHours: workspace.policy.quietHours.map(
        ({ id, channel, fromMinute, toMinute, action }) => ({
          id,
          channel,
          fromMinute,
          toMinute,
          action,
        }),
      ),
      fallbacks: workspace.policy.fallbacks.map((fallback) => ({
        from: fallback.from,
        to: fallback.to,
        when: compile(fallback.when),
      })),
      transactionalExempt: workspace.policy.transactionalExempt,
    },
    params: Object.fromEntries(
      [...workspace.parameters].map(([name, parameter]) => [
        name,
        parameter.value,
      ]),
    ),
    segments,
    templates: new Set(
      [...workspace.templates.values()].flatMap((set) => [
        ...(set.email === undefined ? [] : [`email:${set.id}`]),
        ...(set.sms === undefined ? [] : [`sms:${set.id}`]),
      ]),
    ),
    purchaseEvent: purchaseEventName,
    eventEffects: buildEventEffects(workspace),
  };
}

/**
 * Journeys in priority order: those the policy lists, in its order; then
 * the rest by category (transactional, event-driven, lifecycle) and id.
 */
export function rankJourneys(workspace: Workspace): Journey[] {
  const listed = workspace.policy.priorities;
  const categoryOrder = ['transactional', 'event_driven', 'lifecycle'];
  const rank = (journey: Journey): number => {
    const position = listed.indexOf(journey.id);
    return position >= 0
      ? position
      : listed.length + categoryOrder.indexOf(journey.category);
  };
  return [...workspace.journeys.values()].sort(
    (a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

function buildJourney(journey: Journey, index: number): ProgramJourney {
  const code: Instruction[] = [{ op: 'end' }];
  const start = compileSteps(journey.steps, 0, code);
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
function compileSteps(
  steps: readonly Step[],
  next: number,
  code: Instruction[],
): number {
  let continuation = next;
  for (let index = steps.length - 1; index >= 0; index--) {
    const step = steps[index];
    if (step !== undefined)
      continuation = compileStep(step, continuation, code);
  }
  return continuation;
}

function compileStep(step: Step, next: number, code: Instruction[]): number {
  const push = (instruction: Instruction): number => code.push(instruction) - 1;
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
        onEvent: compileSteps(step.onEvent, next, code),
        onTimeout: compileSteps(step.onTimeout, next, code),
      });
    case 'branch':
      return push({
        op: 'branch',
        step: step.id,
        when: compile(step.when),
        then: compileSteps(step.then, next, code),
        else: compileSteps(step.else, next, code),
      });
    case 'split': {
      let upTo = 0;
      const variants = step.variants.map((variant) => {
        upTo += variant.share;
        return {
          id: variant.id,
          upTo,
          start: compileSteps(variant.steps, next, code),
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

function buildOffer(offer: Offer): ProgramOffer {
  return {
    id: offer.id,
    percent: offer.discount.kind === 'percent' ? offer.discount.percent : 0,
    amount: offer.discount.kind === 'amount' ? offer.discount.amount : 0,
    minimumPurchase: offer.minimumPurchase,
    channels: offer.channels,
    areas: offer.areas,
    validityMs: offer.validityMs,
    oncePerMember: offer.oncePerMember,
    reminders: offer.reminders.map(({ beforeExpiryMs, template, channel }) => ({
      beforeExpiryMs,
      template,
      channel,
    })),
  };
}

function compile(condition: Condition): CompiledCondition {
  if (condition.expression === undefined) {
    throw new Error(`condition was not checked: ${condition.source.text}`);
  }
  return compileCondition(condition.expression);
}

function compileOptional(
  condition: Condition | undefined,
): CompiledCondition | null {
  return condition === undefined ? null : compile(condition);
}

/** Compiles each event type's updates and appends into one function. */
function buildEventEffects(workspace: Workspace): Map<string, EventEffect> {
  const effects = new Map<string, EventEffect>();
  for (const event of workspace.model.events.values()) {
    if (event.effects.length === 0) continue;
    const steps = event.effects.map((effect): EventEffect => {
      if (effect.kind === 'update') {
        const value = compile(effect.value);
        return (context) => {
          context.member[effect.attribute] = value(context);
        };
      }
      const fields = effect.fields.map(
        (field) => [field.name, compile(field.value)] as const,
      );
      return (context) => {
        const item: Record<string, unknown> = {};
        for (const [name, value] of fields) item[name] = value(context);
        const list = context.member[effect.attribute];
        if (Array.isArray(list)) list.push(item);
        else context.member[effect.attribute] = [item];
      };
    });
    effects.set(event.name, (context) => {
      for (const step of steps) step(context);
    });
  }
  return effects;
}
