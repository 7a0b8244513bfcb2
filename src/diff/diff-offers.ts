import type { Offer, OfferReminder } from '../workspace/workspace.js';
import { formatDuration, formatFlag, formatList } from './describe-values.js';
import { locateEither, type Locators } from './location.js';
import {
  diffItems,
  type DetailList,
  type SemanticChange,
} from './semantic-change.js';

/** Offers added, removed, and what changed in each. */
export function diffOffers(
  base: ReadonlyMap<string, Offer>,
  head: ReadonlyMap<string, Offer>,
  locators: Locators,
): SemanticChange[] {
  return diffItems(base, head, locators, {
    area: 'offer',
    compare: (before, after, details) =>
      diffOffer(before, after, details, locators),
    summary: offerSummary,
  });
}

function diffOffer(
  before: Offer,
  after: Offer,
  details: DetailList,
  locators: Locators,
): void {
  const key = (name: string) => locators.head.key(after.span, name);
  details.compare(
    'discount',
    discountText(before),
    discountText(after),
    key('discount'),
  );
  details.compare(
    'minimum purchase',
    `${before.minimumPurchase} SEK`,
    `${after.minimumPurchase} SEK`,
    key('minimum_purchase'),
  );
  details.compare(
    'valid in channels',
    formatList(before.channels),
    formatList(after.channels),
    key('valid_in'),
  );
  details.compare(
    'valid in areas',
    areasText(before.areas),
    areasText(after.areas),
    key('valid_in'),
  );
  details.compare(
    'validity',
    formatDuration(before.validityMs),
    formatDuration(after.validityMs),
    key('validity'),
  );
  details.compare(
    'once per member',
    formatFlag(before.oncePerMember),
    formatFlag(after.oncePerMember),
    key('once_per_member'),
  );
  diffReminders(before.reminders, after.reminders, details, locators);
}

/** Reminders pair by template: each template reminds once. */
function diffReminders(
  before: readonly OfferReminder[],
  after: readonly OfferReminder[],
  details: DetailList,
  locators: Locators,
): void {
  const templates = [
    ...new Set([...before, ...after].map((reminder) => reminder.template)),
  ];
  for (const template of templates) {
    const a = before.find((reminder) => reminder.template === template);
    const b = after.find((reminder) => reminder.template === template);
    details.compare(
      `reminder ${template}`,
      reminderText(a),
      reminderText(b),
      locateEither(locators, a, b),
    );
  }
}

function reminderText(reminder: OfferReminder | undefined): string | null {
  if (reminder === undefined) return null;
  return `${formatDuration(reminder.beforeExpiryMs)} before expiry by ${reminder.channel}`;
}

function discountText(offer: Offer): string {
  return offer.discount.kind === 'percent'
    ? `${offer.discount.percent} %`
    : `${offer.discount.amount} SEK`;
}

function areasText(areas: readonly string[]): string {
  return areas.length === 0 ? 'all' : areas.join(', ');
}

/** An offer in one line: `25 % off, valid 30d in store for beauty, home`. */
function offerSummary(offer: Offer): string {
  const discount = discountText(offer);
  const validity = formatDuration(offer.validityMs);
  const channels = formatList(offer.channels);
  const areas = areasText(offer.areas);
  return `${discount} off, valid ${validity} in ${channels} for ${areas}`;
}
