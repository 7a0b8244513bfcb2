import type { TimeZone } from '../runtime/time-zone.js';
import { assertNever } from '../support/assert-never.js';
import type { Expectation } from '../workspace/fixture.js';
import type { TimelineEntry } from './timeline.js';

/** An expectation that the simulation did not meet. */
export interface FailedExpectation {
  readonly expectation: Expectation;
  /** What was expected, in words. */
  readonly expected: string;
  /** What the member's timeline shows instead. */
  readonly actual: readonly string[];
}

/** Checks a fixture's expectations against its simulated timeline. */
export function checkExpectations(
  expectations: readonly Expectation[],
  timeline: readonly TimelineEntry[],
  zone: TimeZone,
): FailedExpectation[] {
  const failures: FailedExpectation[] = [];
  for (const expectation of expectations) {
    const mine = timeline.filter(
      (entry) => entry.member === expectation.member,
    );
    if (meets(expectation, mine, zone)) continue;
    failures.push({
      expectation,
      expected: describeExpectation(expectation),
      actual: mine.map((entry) => describeEntry(entry, zone)),
    });
  }
  return failures;
}

function meets(
  expectation: Expectation,
  timeline: readonly TimelineEntry[],
  zone: TimeZone,
): boolean {
  switch (expectation.kind) {
    case 'receives':
      return timeline.some(
        (entry) =>
          entry.kind === 'send' &&
          entry.outcome === 'sent' &&
          entry.template === expectation.template &&
          (expectation.channel === undefined ||
            entry.channel === expectation.channel) &&
          (expectation.day === undefined ||
            zone.localDay(entry.at) === expectation.day) &&
          (expectation.offer === undefined ||
            entry.offer === expectation.offer),
      );
    case 'never_receives':
      return !timeline.some(
        (entry) =>
          entry.kind === 'send' &&
          entry.outcome === 'sent' &&
          entry.template === expectation.template,
      );
    case 'leaves':
      return timeline.some(
        (entry) =>
          entry.kind === 'leave' &&
          entry.journey === expectation.journey &&
          (expectation.reason === undefined ||
            entry.reason === expectation.reason),
      );
    case 'held_back':
      return timeline.some(
        (entry) =>
          entry.kind === 'send' &&
          entry.outcome !== 'sent' &&
          entry.rule === expectation.rule &&
          (expectation.template === undefined ||
            entry.template === expectation.template),
      );
    default:
      return assertNever(expectation);
  }
}

/** An expectation in words, such as `receives winback_offer by email on 2025-03-02`. */
export function describeExpectation(expectation: Expectation): string {
  switch (expectation.kind) {
    case 'receives': {
      const parts = [`receives ${expectation.template}`];
      if (expectation.channel !== undefined)
        parts.push(`by ${expectation.channel}`);
      if (expectation.day !== undefined)
        parts.push(`on ${formatDay(expectation.day)}`);
      if (expectation.offer !== undefined)
        parts.push(`with offer ${expectation.offer}`);
      return parts.join(' ');
    }
    case 'never_receives':
      return `never receives ${expectation.template}`;
    case 'leaves':
      return `leaves ${expectation.journey}${suffix(' (', expectation.reason, ')')}`;
    case 'held_back':
      return `is held back by ${expectation.rule}${suffix(' from ', expectation.template)}`;
    default:
      return assertNever(expectation);
  }
}

/** A timeline entry in words, with its local time. */
export function describeEntry(entry: TimelineEntry, zone: TimeZone): string {
  const when = formatInstant(entry.at, zone);
  switch (entry.kind) {
    case 'enter':
      return `${when} enters ${entry.journey}`;
    case 'leave':
      return `${when} leaves ${entry.journey} (${entry.reason})`;
    case 'send': {
      const offer = entry.offer === null ? '' : ` with offer ${entry.offer}`;
      const rule = entry.rule === null ? '' : ` by ${entry.rule}`;
      const verb =
        entry.outcome === 'sent'
          ? 'receives'
          : entry.outcome === 'deferred'
            ? 'deferred'
            : 'held back';
      const where = `[${entry.journey}/${entry.step}]`;
      return `${when} ${verb} ${entry.template} by ${entry.channel}${offer}${rule} ${where}`;
    }
    default:
      return assertNever(entry);
  }
}

/** `before + text + after`, or nothing when there is no text. */
function suffix(before: string, text: string | undefined, after = ''): string {
  return text === undefined ? '' : `${before}${text}${after}`;
}

/** `2025-03-02 09:00` in the time zone. */
export function formatInstant(at: number, zone: TimeZone): string {
  const minute = zone.localMinuteOfDay(at);
  const hours = String(Math.floor(minute / 60)).padStart(2, '0');
  const minutes = String(minute % 60).padStart(2, '0');
  return `${formatDay(zone.localDay(at))} ${hours}:${minutes}`;
}

function formatDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
