import { assertNever } from '../support/assert-never.js';
import {
  weekdays,
  type Entry,
  type ExitRule,
  type Goal,
  type Journey,
  type ReEntry,
} from '../workspace/journey.js';
import { eventText } from './describe-step.js';
import {
  conditionText,
  formatDuration,
  formatMinute,
} from './describe-values.js';
import { diffSteps } from './diff-steps.js';
import type { Locators } from './location.js';
import {
  diffItems,
  type DetailList,
  type SemanticChange,
} from './semantic-change.js';
import { plural } from '../support/plural.js';

/** Journeys added, removed, and what changed in each one on both sides. */
export function diffJourneys(
  base: ReadonlyMap<string, Journey>,
  head: ReadonlyMap<string, Journey>,
  locators: Locators,
): SemanticChange[] {
  return diffItems(base, head, locators, {
    area: 'journey',
    compare: (before, after, details) =>
      diffJourney(before, after, details, locators),
    summary: journeySummary,
  });
}

function diffJourney(
  before: Journey,
  after: Journey,
  details: DetailList,
  locators: Locators,
): void {
  const { head } = locators;
  const at = head.at(after.entry.span);
  details.compare(
    'name',
    before.name,
    after.name,
    head.key(after.span, 'name'),
  );
  details.compare(
    'category',
    before.category,
    after.category,
    head.key(after.span, 'category'),
  );
  details.compare('entry', entryText(before.entry), entryText(after.entry), at);
  details.compare(
    `entry ${entryConditionName(after.entry)}`,
    entryCondition(before.entry),
    entryCondition(after.entry),
    at,
  );
  details.compare(
    're-entry',
    reEntryText(before.reEntry),
    reEntryText(after.reEntry),
    head.key(after.span, 're_entry'),
  );
  diffExitRules(before, after, details, locators);
  details.compare(
    'goal',
    goalText(before.goal),
    goalText(after.goal),
    after.goal === undefined ? null : head.at(after.goal.span),
  );
  diffSteps(before.steps, after.steps, { details, ...locators });
}

/** Exit rules are a set: each is added or removed as a whole. */
function diffExitRules(
  before: Journey,
  after: Journey,
  details: DetailList,
  locators: Locators,
): void {
  const texts = (journey: Journey): Map<string, ExitRule> =>
    new Map(journey.exitRules.map((rule) => [exitRuleText(rule), rule]));
  const a = texts(before);
  const b = texts(after);
  for (const [text, rule] of a) {
    if (!b.has(text))
      details.compare('exit when', text, null, locators.base.at(rule.span));
  }
  for (const [text, rule] of b) {
    if (!a.has(text))
      details.compare('exit when', null, text, locators.head.at(rule.span));
  }
}

/** A journey in one line, for when it is added or removed. */
function journeySummary(journey: Journey): string {
  const steps = journey.steps.length;
  const condition = entryCondition(journey.entry);
  const entry =
    condition === null
      ? entryText(journey.entry)
      : `${entryText(journey.entry)}, ${entryConditionName(journey.entry)} ${condition}`;
  return `${journey.category}; ${entry}; ${plural(steps, 'step')}`;
}

/** How members enter, without the condition: `every day at 09:00`. */
function entryText(entry: Entry): string {
  switch (entry.kind) {
    case 'event':
      return `on event ${entry.event}`;
    case 'segment':
      return `on entering segment ${entry.segment}`;
    case 'schedule':
      return `every ${scheduleText(entry)} at ${formatMinute(entry.atMinute)}`;
    default:
      return assertNever(entry);
  }
}

function scheduleText(entry: Extract<Entry, { kind: 'schedule' }>): string {
  switch (entry.every) {
    case 'day':
      return 'day';
    case 'week':
      return `${weekdays[entry.weekday] ?? 'monday'}`;
    case 'month':
      return `month on day ${entry.dayOfMonth}`;
    default:
      return assertNever(entry.every);
  }
}

function entryConditionName(entry: Entry): string {
  return entry.kind === 'schedule' ? 'audience' : 'when';
}

function entryCondition(entry: Entry): string | null {
  switch (entry.kind) {
    case 'event':
      return conditionText(entry.when);
    case 'schedule':
      return conditionText(entry.audience);
    case 'segment':
      return null;
    default:
      return assertNever(entry);
  }
}

function reEntryText(reEntry: ReEntry): string {
  switch (reEntry.kind) {
    case 'never':
    case 'always':
      return reEntry.kind;
    case 'after':
      return `after ${formatDuration(reEntry.afterMs)}`;
    default:
      return assertNever(reEntry);
  }
}

function exitRuleText(rule: ExitRule): string {
  switch (rule.kind) {
    case 'event':
      return `event ${eventText(rule.event, conditionText(rule.when))}`;
    case 'condition':
      return conditionText(rule.when) ?? '';
    default:
      return assertNever(rule);
  }
}

function goalText(goal: Goal | undefined): string | null {
  if (goal === undefined) return null;
  const event = eventText(goal.event, conditionText(goal.when));
  return `${event} within ${formatDuration(goal.withinMs)}`;
}
