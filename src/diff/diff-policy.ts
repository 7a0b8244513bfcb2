import type {
  Cap,
  ContactPolicy,
  QuietHours,
} from '../workspace/contact-policy.js';
import type { Channel } from '../workspace/workspace.js';
import {
  conditionText,
  formatDuration,
  formatFlag,
  formatList,
  formatMinute,
} from './describe-values.js';
import { locateEither, type Location, type Locators } from './location.js';
import {
  changedItem,
  DetailList,
  type SemanticChange,
} from './semantic-change.js';

/**
 * What changed in the contact policy: time zone, consent, caps, quiet
 * hours, fallbacks, priorities and the transactional exemption.
 */
export function diffPolicy(
  before: ContactPolicy,
  after: ContactPolicy,
  locators: Locators,
): SemanticChange[] {
  const details = new DetailList();
  const key = (name: string): Location => locators.head.key(after.span, name);
  details.compare(
    'time zone',
    before.timeZone,
    after.timeZone,
    key('time_zone'),
  );
  for (const channel of channelsOf(before, after)) {
    details.compare(
      `consent ${channel}`,
      conditionText(before.consent.get(channel)),
      conditionText(after.consent.get(channel)),
      key('consent'),
    );
  }
  diffCaps(before.caps, after.caps, details, locators);
  diffQuietHours(before.quietHours, after.quietHours, details, locators);
  diffFallbacks(before, after, details, locators);
  diffPriorities(
    before.priorities,
    after.priorities,
    details,
    key('priorities'),
  );
  details.compare(
    'transactional exempt',
    formatFlag(before.transactionalExempt),
    formatFlag(after.transactionalExempt),
    key('transactional_exempt'),
  );
  const change = changedItem(
    'policy',
    after.id,
    details.details,
    locators.head.at(after.span),
  );
  return change === undefined ? [] : [change];
}

function channelsOf(before: ContactPolicy, after: ContactPolicy): Channel[] {
  return [...new Set([...before.consent.keys(), ...after.consent.keys()])];
}

/** Caps pair by id; a changed cap lists each setting that differs. */
function diffCaps(
  before: readonly Cap[],
  after: readonly Cap[],
  details: DetailList,
  locators: Locators,
): void {
  for (const id of idsOf(before, after)) {
    const a = before.find((cap) => cap.id === id);
    const b = after.find((cap) => cap.id === id);
    if (a === undefined || b === undefined) {
      const location = locateEither(locators, a, b);
      details.compare(`cap ${id}`, capText(a), capText(b), location);
      continue;
    }
    const location = locators.head.at(b.span);
    const compare = (what: string, x: string, y: string) =>
      details.compare(`cap ${id} ${what}`, x, y, location);
    compare('max', String(a.max), String(b.max));
    compare('window', formatDuration(a.windowMs), formatDuration(b.windowMs));
    compare('categories', formatList(a.categories), formatList(b.categories));
    compare('channels', formatList(a.channels), formatList(b.channels));
  }
}

/** `max 1 per 1d for lifecycle, event_driven on email, sms`. */
function capText(cap: Cap | undefined): string | null {
  if (cap === undefined) return null;
  const period = formatDuration(cap.windowMs);
  const categories = formatList(cap.categories);
  const channels = formatList(cap.channels);
  return `max ${cap.max} per ${period} for ${categories} on ${channels}`;
}

function diffQuietHours(
  before: readonly QuietHours[],
  after: readonly QuietHours[],
  details: DetailList,
  locators: Locators,
): void {
  for (const id of idsOf(before, after)) {
    const a = before.find((quiet) => quiet.id === id);
    const b = after.find((quiet) => quiet.id === id);
    details.compare(
      `quiet hours ${id}`,
      quietText(a),
      quietText(b),
      locateEither(locators, a, b),
    );
  }
}

/** `sms 20:00–09:00, defer`. */
function quietText(quiet: QuietHours | undefined): string | null {
  if (quiet === undefined) return null;
  const from = formatMinute(quiet.fromMinute);
  const to = formatMinute(quiet.toMinute);
  return `${quiet.channel} ${from}–${to}, ${quiet.action}`;
}

/** Fallbacks pair by their channels, `email → sms`. */
function diffFallbacks(
  before: ContactPolicy,
  after: ContactPolicy,
  details: DetailList,
  locators: Locators,
): void {
  const name = (fallback: { from: string; to: string }): string =>
    `${fallback.from} → ${fallback.to}`;
  const names = [
    ...new Set([...before.fallbacks, ...after.fallbacks].map(name)),
  ];
  for (const pair of names) {
    const a = before.fallbacks.find((fallback) => name(fallback) === pair);
    const b = after.fallbacks.find((fallback) => name(fallback) === pair);
    details.compare(
      `fallback ${pair} when`,
      conditionText(a?.when),
      conditionText(b?.when),
      locateEither(locators, a, b),
    );
  }
}

/**
 * Priorities as moves: journeys kept in the same relative order are not
 * reported, so that inserting one journey reports one change, not all
 * those after it.
 */
function diffPriorities(
  before: readonly string[],
  after: readonly string[],
  details: DetailList,
  location: Location,
): void {
  const kept = new Set(longestCommonSubsequence(before, after));
  const rank = (list: readonly string[], id: string): string | null =>
    list.includes(id) ? String(list.indexOf(id) + 1) : null;
  for (const id of new Set([...before, ...after])) {
    if (kept.has(id)) continue;
    details.compare(
      `priority of ${id}`,
      rank(before, id),
      rank(after, id),
      location,
    );
  }
}

function longestCommonSubsequence(
  a: readonly string[],
  b: readonly string[],
): string[] {
  const table = a.map(() => new Array<number>(b.length + 1).fill(0));
  table.push(new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = table[i] ?? [];
      row[j] =
        a[i] === b[j]
          ? (table[i + 1]?.[j + 1] ?? 0) + 1
          : Math.max(table[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const common: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common.push(a[i] ?? '');
      i++;
      j++;
    } else if ((table[i + 1]?.[j] ?? 0) >= (table[i]?.[j + 1] ?? 0)) i++;
    else j++;
  }
  return common;
}

function idsOf(
  before: readonly { id: string }[],
  after: readonly { id: string }[],
): string[] {
  return [...new Set([...before, ...after].map((item) => item.id))];
}
