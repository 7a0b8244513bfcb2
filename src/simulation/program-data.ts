import { retentionOf } from '../language/types.js';
import type { RetainedList } from '../runtime/assign-attribute.js';
import type { ProgramOffer, ProgramPolicy } from '../runtime/program.js';
import type { Condition } from '../workspace/condition.js';
import type { ContactPolicy } from '../workspace/contact-policy.js';
import type { MemberModel, Offer } from '../workspace/workspace.js';

/*
 * The offers, the contact policy and the member lists with a retention as
 * the engine's data. Like
 * flattenJourney, the policy takes its conditions in the form `compile`
 * gives them: compiled source for the simulator, references into
 * conditions.ts for the emitted code.
 */

/** An offer as the engine's data. */
export function describeOffer(offer: Offer): ProgramOffer {
  return {
    id: offer.id,
    percent: offer.discount.kind === 'percent' ? offer.discount.percent : 0,
    amount: offer.discount.kind === 'amount' ? offer.discount.amount : 0,
    minimumPurchase: offer.minimumPurchase,
    channels: [...offer.channels],
    areas: [...offer.areas],
    validityMs: offer.validityMs,
    oncePerMember: offer.oncePerMember,
    reminders: offer.reminders.map(({ beforeExpiryMs, template, channel }) => ({
      beforeExpiryMs,
      template,
      channel,
    })),
  };
}

/** The contact policy as the engine's data; consent by channel name. */
export function describePolicy<C>(
  policy: ContactPolicy,
  compile: (condition: Condition) => C,
): ProgramPolicy<C> {
  const consent = [...policy.consent].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return {
    consent: Object.fromEntries(
      consent.map(([channel, condition]) => [channel, compile(condition)]),
    ),
    caps: policy.caps.map(({ id, max, windowMs, categories, channels }) => ({
      id,
      max,
      windowMs,
      categories: [...categories],
      channels: [...channels],
    })),
    quietHours: policy.quietHours.map(
      ({ id, channel, fromMinute, toMinute, action }) => ({
        id,
        channel,
        fromMinute,
        toMinute,
        action,
      }),
    ),
    fallbacks: policy.fallbacks.map((fallback) => ({
      from: fallback.from,
      to: fallback.to,
      when: compile(fallback.when),
    })),
    transactionalExempt: policy.transactionalExempt,
  };
}

/** The member attributes that are lists with a retention, by name. */
export function describeRetainedLists(model: MemberModel): RetainedList[] {
  return [...model.attributes.values()].flatMap((field) => {
    const retention = retentionOf(field.type);
    return retention === undefined
      ? []
      : [{ attribute: field.name, retention: { ...retention } }];
  });
}
