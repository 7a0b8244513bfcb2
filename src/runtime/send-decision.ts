import { millisecondsPerDay } from './calendar.js';
import type { ConditionContext } from './condition-context.js';
import type { MemberState, PendingSend } from './engine-types.js';
import type { ChannelName, Program } from './program.js';

/** The contact policy's verdict on one send. */
export interface Decision {
  readonly outcome: 'sent' | 'held_back' | 'deferred';
  /** The channel after fallback. */
  readonly channel: ChannelName;
  /** The rule behind a held-back or deferred send. */
  readonly rule: string | null;
}

/**
 * Applies the contact policy to a send, in this order: channel fallback,
 * consent (marketing only), template for the channel, once-per-member
 * offers, quiet hours and caps (both skipped for transactional sends when
 * the policy exempts them). `context` is already set to the member.
 */
export function decideSend(
  program: Program,
  send: PendingSend,
  state: MemberState,
  context: ConditionContext,
  now: number,
): Decision {
  const { policy } = program;
  const transactional = send.category === 'transactional';
  const exempt = transactional && policy.transactionalExempt;
  let channel = send.channel;
  for (const fallback of policy.fallbacks) {
    if (fallback.from === channel && fallback.when(context) === true) {
      channel = fallback.to;
      break;
    }
  }
  const held = (rule: string): Decision => ({
    outcome: 'held_back',
    channel,
    rule,
  });

  if (!transactional) {
    const consent = policy.consent[channel];
    if (consent === undefined || consent(context) !== true)
      return held('consent');
  }
  if (!program.templates.has(`${channel}:${send.template}`))
    return held('no_template');
  if (
    send.offer !== null &&
    program.offers.get(send.offer)?.oncePerMember === true
  ) {
    if (state.offers.some((offer) => offer.id === send.offer))
      return held('once_per_member');
  }
  if (exempt) return { outcome: 'sent', channel, rule: null };

  const minute = program.timeZone.localMinuteOfDay(now);
  for (const quiet of policy.quietHours) {
    if (
      quiet.channel !== channel ||
      !inWindow(minute, quiet.fromMinute, quiet.toMinute)
    )
      continue;
    return quiet.action === 'drop'
      ? held(quiet.id)
      : { outcome: 'deferred', channel, rule: quiet.id };
  }
  for (const cap of policy.caps) {
    if (
      !cap.channels.includes(channel) ||
      !cap.categories.includes(send.category)
    )
      continue;
    const since = windowStart(program, cap.windowMs, now);
    let count = 0;
    for (const past of state.sends) {
      if (
        past.at > since &&
        cap.channels.includes(past.channel) &&
        cap.categories.includes(past.category)
      ) {
        count++;
      }
    }
    if (count >= cap.max) return held(cap.id);
  }
  return { outcome: 'sent', channel, rule: null };
}

/**
 * The start of a rolling window ending now. Windows of whole days reach
 * back to the same local time that many days ago, so a daily message is not
 * held back on the day the clocks go forward; others are exact durations.
 */
export function windowStart(
  program: Program,
  windowMs: number,
  now: number,
): number {
  if (windowMs % millisecondsPerDay !== 0) return now - windowMs;
  const zone = program.timeZone;
  const days = windowMs / millisecondsPerDay;
  return zone.toEpoch(zone.localDay(now) - days, zone.localMinuteOfDay(now));
}

/** Whether a minute of the day falls in [from, to), across midnight if to < from. */
export function inWindow(minute: number, from: number, to: number): boolean {
  return from <= to
    ? minute >= from && minute < to
    : minute >= from || minute < to;
}

/** The instant the quiet hours holding a channel at `now` end. */
export function nextQuietEnd(
  program: Program,
  channel: ChannelName,
  now: number,
): number {
  const zone = program.timeZone;
  const minute = zone.localMinuteOfDay(now);
  const today = zone.localDay(now);
  let end = now;
  for (const quiet of program.policy.quietHours) {
    if (
      quiet.channel !== channel ||
      !inWindow(minute, quiet.fromMinute, quiet.toMinute)
    )
      continue;
    const day = minute < quiet.toMinute ? today : today + 1;
    end = Math.max(end, zone.toEpoch(day, quiet.toMinute));
  }
  return end > now ? end : now + 60_000;
}
