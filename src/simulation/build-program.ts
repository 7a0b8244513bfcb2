import { compileCondition } from '../language/index.js';
import type {
  CompiledCondition,
  ConditionContext,
} from '../runtime/condition-context.js';
import type { EventEffect, Program, ProgramOffer } from '../runtime/program.js';
import { TimeZone } from '../runtime/time-zone.js';
import type { Condition } from '../workspace/condition.js';
import type { Journey } from '../workspace/journey.js';
import type { Offer, Workspace } from '../workspace/workspace.js';
import { flattenJourney } from './flatten-journey.js';

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
  const journeys = ranked.map((journey, index) =>
    flattenJourney(journey, index, compile),
  );
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
