import type { IssuedOffer } from './engine-types.js';
import type { ProgramJourney, ProgramOffer } from './program.js';
import { stableHash } from './stable-hash.js';

/** Issues an offer to a member now, with a code that is the same on every run. */
export function issueOffer(
  offer: ProgramOffer,
  journey: ProgramJourney,
  memberId: string,
  now: number,
): IssuedOffer {
  const suffix = stableHash(`${memberId}/${offer.id}/${now}`)
    .toString(36)
    .toUpperCase()
    .padStart(7, '0');
  const code = `${offer.id.toUpperCase().replace(/_/g, '')}-${suffix}`;
  return offerObject(offer, code, now, journey);
}

/**
 * The values of an offer issued now with a code, as templates and
 * conditions see them: an issued offer without the journey that issued it.
 */
export function offerValues(
  offer: ProgramOffer,
  code: string,
  now: number,
): Omit<IssuedOffer, 'journey'> {
  const { journey, ...values } = offerObject(offer, code, now, null);
  return values;
}

/**
 * An issued offer, written as one literal: members hold hundreds of
 * thousands of them, and objects made by spreading another take several
 * times the memory.
 */
function offerObject<J>(
  offer: ProgramOffer,
  code: string,
  now: number,
  journey: J,
) {
  return {
    id: offer.id,
    code,
    issued_at: now,
    expires_at: now + offer.validityMs,
    redeemed: false,
    percent: offer.percent,
    amount: offer.amount,
    minimum_purchase: offer.minimumPurchase,
    journey,
  };
}

/**
 * Marks as redeemed the offer a purchase uses: the one it names in
 * `offer_id`, else the first valid one (soonest to expire) that the purchase's
 * channel, area and amount qualify for.
 */
export function redeemOffers(
  offers: readonly IssuedOffer[],
  purchase: Record<string, unknown>,
  now: number,
  definitions: ReadonlyMap<string, ProgramOffer>,
): void {
  const named = purchase['offer_id'];
  const candidates = offers
    .filter((offer) => !offer.redeemed && now <= offer.expires_at)
    .filter(
      (offer) => named === undefined || named === null || named === offer.id,
    )
    .filter((offer) => qualifies(definitions.get(offer.id), purchase))
    .sort((a, b) => a.expires_at - b.expires_at);
  const chosen = candidates[0];
  if (chosen !== undefined) chosen.redeemed = true;
}

function qualifies(
  offer: ProgramOffer | undefined,
  purchase: Record<string, unknown>,
): boolean {
  if (offer === undefined) return false;
  const channel = purchase['channel'];
  const area = purchase['area'];
  const amount = purchase['amount'];
  if (typeof channel === 'string' && !offer.channels.includes(channel))
    return false;
  if (
    typeof area === 'string' &&
    offer.areas.length > 0 &&
    !offer.areas.includes(area)
  )
    return false;
  return typeof amount !== 'number' || amount >= offer.minimumPurchase;
}
