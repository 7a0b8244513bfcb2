import {
  compileExpressionSource,
  conditionFromSource,
} from '../language/index.js';
import { retentionOf } from '../language/types.js';
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
  ProgramPolicy,
} from '../runtime/program.js';
import {
  appendItem,
  assignAttribute,
  type ListRetention,
  type RetainedList,
} from '../runtime/assign-attribute.js';
import { TimeZone } from '../runtime/time-zone.js';
import { assertNever } from '../support/assert-never.js';
import type { Condition } from '../workspace/condition.js';
import type { Journey } from '../workspace/journey.js';
import type { Workspace } from '../workspace/workspace.js';
import { flattenJourney } from './flatten-journey.js';
import {
  describeOffer,
  describePolicy,
  describeRetainedLists,
} from './program-data.js';

/** The event type whose payload redeems offers. */
export const purchaseEventName = 'purchase';

/**
 * A Program before its conditions are compiled: plain data, with every
 * condition as the JavaScript source the condition compiler gives. It can
 * be copied to a worker thread, where functions cannot go, and compiled
 * there into the same Program (see instantiateProgram).
 */
export interface ProgramSource {
  readonly timeZone: string;
  readonly journeys: readonly ProgramJourney<string>[];
  readonly offers: readonly ProgramOffer[];
  readonly policy: ProgramPolicy<string>;
  readonly params: Readonly<Record<string, unknown>>;
  readonly segments: Readonly<Record<string, string>>;
  readonly templates: readonly string[];
  readonly purchaseEvent: string;
  readonly effects: readonly EffectSource[];
  readonly retainedLists: readonly RetainedList[];
}

/** What one event type does to its member: updates and appends, in order. */
export interface EffectSource {
  readonly event: string;
  readonly steps: readonly (
    | {
        readonly kind: 'update';
        readonly attribute: string;
        readonly value: string;
      }
    | {
        readonly kind: 'append';
        readonly attribute: string;
        readonly fields: readonly (readonly [name: string, value: string])[];
        readonly retention: ListRetention | null;
      }
  )[];
}

/** Describes a checked workspace as a ProgramSource. */
export function describeProgram(workspace: Workspace): ProgramSource {
  const journeys = rankJourneys(workspace).map((journey, index) =>
    flattenJourney(journey, index, conditionSource),
  );
  return {
    timeZone: workspace.policy.timeZone,
    journeys,
    offers: [...workspace.offers.values()].map(describeOffer),
    policy: describePolicy(workspace.policy, conditionSource),
    params: Object.fromEntries(
      [...workspace.parameters].map(([name, parameter]) => [
        name,
        parameter.value,
      ]),
    ),
    segments: Object.fromEntries(
      [...workspace.segments].map(([id, segment]) => [
        id,
        conditionSource(segment.condition),
      ]),
    ),
    templates: [...workspace.templates.values()].flatMap((set) => [
      ...(set.email === undefined ? [] : [`email:${set.id}`]),
      ...(set.sms === undefined ? [] : [`sms:${set.id}`]),
    ]),
    purchaseEvent: purchaseEventName,
    effects: describeEffects(workspace),
    retainedLists: describeRetainedLists(workspace.model),
  };
}

/** Compiles every condition of a ProgramSource: the Program the engine runs. */
export function instantiateProgram(source: ProgramSource): Program {
  const segments: Record<string, (c: ConditionContext) => boolean> = {};
  for (const [id, text] of Object.entries(source.segments)) {
    const compiled = conditionFromSource(text);
    segments[id] = (context) => compiled(context) === true;
  }
  const { policy } = source;
  return {
    timeZone: new TimeZone(source.timeZone),
    journeys: source.journeys.map(compileJourney),
    offers: new Map(source.offers.map((offer) => [offer.id, offer])),
    policy: {
      consent: Object.fromEntries(
        Object.entries(policy.consent).map(([channel, text]) => [
          channel,
          conditionFromSource(text),
        ]),
      ),
      caps: policy.caps,
      quietHours: policy.quietHours,
      fallbacks: policy.fallbacks.map((fallback) => ({
        ...fallback,
        when: conditionFromSource(fallback.when),
      })),
      transactionalExempt: policy.transactionalExempt,
    },
    params: { ...source.params },
    segments,
    templates: new Set(source.templates),
    purchaseEvent: source.purchaseEvent,
    eventEffects: new Map(
      source.effects.map((effect) => [effect.event, compileEffect(effect)]),
    ),
    retainedLists: source.retainedLists,
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

function conditionSource(condition: Condition): string {
  if (condition.expression === undefined) {
    throw new Error(`condition was not checked: ${condition.source.text}`);
  }
  return compileExpressionSource(condition.expression);
}

function describeEffects(workspace: Workspace): EffectSource[] {
  const effects: EffectSource[] = [];
  for (const event of workspace.model.events.values()) {
    if (event.effects.length === 0) continue;
    effects.push({
      event: event.name,
      steps: event.effects.map((effect) =>
        effect.kind === 'update'
          ? {
              kind: 'update',
              attribute: effect.attribute,
              value: conditionSource(effect.value),
            }
          : {
              kind: 'append',
              attribute: effect.attribute,
              fields: effect.fields.map(
                (field) => [field.name, conditionSource(field.value)] as const,
              ),
              retention:
                retentionOf(
                  workspace.model.attributes.get(effect.attribute)?.type,
                ) ?? null,
            },
      ),
    });
  }
  return effects;
}

/** One event type's updates and appends as one function. */
function compileEffect(effect: EffectSource): EventEffect {
  const steps = effect.steps.map((step): EventEffect => {
    if (step.kind === 'update') {
      const value = conditionFromSource(step.value);
      return (context) =>
        assignAttribute(context.member, step.attribute, value(context));
    }
    const fields = step.fields.map(
      ([name, text]) => [name, conditionFromSource(text)] as const,
    );
    return (context) => {
      const item: Record<string, unknown> = {};
      for (const [name, value] of fields) item[name] = value(context);
      appendItem(
        context.member,
        step.attribute,
        item,
        step.retention,
        context.now,
      );
    };
  });
  return (context) => {
    for (const step of steps) step(context);
  };
}

function compileJourney(
  journey: ProgramJourney<string>,
): ProgramJourney<CompiledCondition> {
  const optional = (text: string | null): CompiledCondition | null =>
    text === null ? null : conditionFromSource(text);
  const { entry, goal } = journey;
  return {
    ...journey,
    entry:
      entry.kind === 'event'
        ? { ...entry, when: optional(entry.when) }
        : entry.kind === 'schedule'
          ? { ...entry, audience: optional(entry.audience) }
          : entry,
    exitEvents: journey.exitEvents.map((rule) => ({
      event: rule.event,
      when: optional(rule.when),
    })),
    exitConditions: journey.exitConditions.map(conditionFromSource),
    goal: goal === null ? null : { ...goal, when: optional(goal.when) },
    code: journey.code.map(compileInstruction),
  };
}

function compileInstruction(
  instruction: Instruction<string>,
): Instruction<CompiledCondition> {
  switch (instruction.op) {
    case 'wait_event':
      return {
        ...instruction,
        when:
          instruction.when === null
            ? null
            : conditionFromSource(instruction.when),
      };
    case 'branch':
      return { ...instruction, when: conditionFromSource(instruction.when) };
    case 'update':
      return {
        ...instruction,
        assignments: instruction.assignments.map((assignment) => ({
          attribute: assignment.attribute,
          value: conditionFromSource(assignment.value),
        })),
      };
    case 'send':
    case 'wait_duration':
    case 'wait_until':
    case 'split':
    case 'exit':
    case 'end':
      return instruction;
    default:
      return assertNever(instruction);
  }
}
