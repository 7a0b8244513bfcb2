import type { SendRecord } from '../runtime/engine-types.js';
import type { Program } from '../runtime/program.js';
import type { TimeZone } from '../runtime/time-zone.js';
import { formatInstant } from '../simulation/check-expectations.js';
import { runFixture } from '../simulation/run-fixture.js';
import type { Fixture } from '../workspace/fixture.js';
import type { MemberModel, Workspace } from '../workspace/workspace.js';
import { formatDuration } from './describe-values.js';
import type { Location } from './location.js';
import { byText } from './semantic-change.js';

/** How one message turned out on one side. */
export interface SendOutcome {
  /** Local time, `2025-03-03 10:00`. */
  readonly at: string;
  readonly channel: string;
  readonly offer: string | null;
  readonly outcome: 'sent' | 'held_back';
  /** The contact rule that held it back. */
  readonly rule: string | null;
}

/**
 * How a send differs: only on one side, sent at another time (`moved`),
 * decided otherwise by the contact policy (`held_back_changed`: sent on one
 * side and held back on the other, or held back by another rule), or sent
 * at the same time on another channel or with another offer (`changed`).
 */
export type SendChangeKind =
  'added' | 'removed' | 'moved' | 'held_back_changed' | 'changed';

/** One send that differs between the base and head programs. */
export interface SendChange {
  readonly kind: SendChangeKind;
  readonly member: string;
  readonly journey: string;
  readonly step: string;
  readonly template: string;
  readonly before: SendOutcome | null;
  readonly after: SendOutcome | null;
  /** When both sides have it at different times: how much later (`-7d`: earlier). */
  readonly shift: string | null;
}

/**
 * How a fixture was compared: the head's version run on both programs,
 * each side's own version (the head's does not fit the base Model), or
 * not at all (on one side only).
 */
export type FixtureComparison =
  'compared' | 'own_versions' | 'only_base' | 'only_head';

/** The behaviour diff of one fixture. */
export interface FixtureSends {
  readonly id: string;
  readonly comparison: FixtureComparison;
  readonly changes: readonly SendChange[];
  readonly location: Location | null;
}

/** A workspace with its program, ready to run. */
export interface RunnableSide {
  readonly workspace: Workspace;
  readonly program: Program;
}

/**
 * Runs every fixture on both programs and lists the sends that differ.
 * A fixture on both sides is run in its head version on both, so that only
 * the programs differ, unless it does not fit the base Model.
 */
export function diffFixtureSends(
  base: RunnableSide,
  head: RunnableSide,
): FixtureSends[] {
  const ids = [
    ...new Set([
      ...base.workspace.fixtures.keys(),
      ...head.workspace.fixtures.keys(),
    ]),
  ].sort(byText);
  return ids.map((id) => diffFixture(id, base, head));
}

function diffFixture(
  id: string,
  base: RunnableSide,
  head: RunnableSide,
): FixtureSends {
  const before = base.workspace.fixtures.get(id);
  const after = head.workspace.fixtures.get(id);
  const location = (fixture: Fixture, side: 'base' | 'head'): Location => ({
    side,
    file: fixture.span.file,
    line: fixture.span.start.line,
  });
  if (after === undefined) {
    const only = before === undefined ? null : location(before, 'base');
    return { id, comparison: 'only_base', changes: [], location: only };
  }
  if (before === undefined) {
    const only = location(after, 'head');
    return { id, comparison: 'only_head', changes: [], location: only };
  }
  const fits = fitsModel(after, base.workspace.model);
  const baseTimeline = runFixture(base.program, fits ? after : before);
  const headTimeline = runFixture(head.program, after);
  return {
    id,
    comparison: fits ? 'compared' : 'own_versions',
    changes: diffSends(
      sendsOf(baseTimeline),
      sendsOf(headTimeline),
      head.program.timeZone,
    ),
    location: location(after, 'head'),
  };
}

/** Whether a fixture's attributes and events are all declared in a Model. */
function fitsModel(fixture: Fixture, model: MemberModel): boolean {
  const attributes = fixture.members.every((member) =>
    Object.keys(member.attributes).every((name) => model.attributes.has(name)),
  );
  const events = fixture.events.every((event) => {
    const type = model.events.get(event.type);
    return (
      type !== undefined &&
      Object.keys(event.payload).every((name) => type.fields.has(name))
    );
  });
  return attributes && events;
}

/** Final decisions only: a deferral is followed by the send's decision. */
function sendsOf(timeline: ReturnType<typeof runFixture>): SendRecord[] {
  const sends: SendRecord[] = [];
  for (const entry of timeline) {
    if (entry.kind === 'send' && entry.outcome !== 'deferred')
      sends.push(entry);
  }
  return sends;
}

/**
 * Pairs the sends of two runs. Identical sends cancel out; the rest pair by
 * member, journey, step and template, in time order; what stays unpaired
 * was added or removed.
 */
export function diffSends(
  before: readonly SendRecord[],
  after: readonly SendRecord[],
  zone: TimeZone,
): SendChange[] {
  const remaining = withoutCommon(before, after);
  const groups = new Map<string, { a: SendRecord[]; b: SendRecord[] }>();
  const group = (record: SendRecord) => {
    const key = [
      record.member,
      record.journey,
      record.step,
      record.template,
    ].join('\u0000');
    let found = groups.get(key);
    if (found === undefined) {
      found = { a: [], b: [] };
      groups.set(key, found);
    }
    return found;
  };
  for (const record of remaining.before) group(record).a.push(record);
  for (const record of remaining.after) group(record).b.push(record);

  const changes: { change: SendChange; at: number }[] = [];
  for (const { a, b } of groups.values()) {
    for (let index = 0; index < Math.max(a.length, b.length); index++) {
      const change = sendChange(a[index], b[index], zone);
      const at = b[index]?.at ?? a[index]?.at ?? 0;
      if (change !== undefined) changes.push({ change, at });
    }
  }
  return changes
    .sort(
      (x, y) =>
        byText(x.change.member, y.change.member) ||
        x.at - y.at ||
        byText(x.change.journey, y.change.journey) ||
        byText(x.change.step, y.change.step),
    )
    .map(({ change }) => change);
}

/** The sends of each run that the other run does not have, in time order. */
function withoutCommon(
  before: readonly SendRecord[],
  after: readonly SendRecord[],
): { before: SendRecord[]; after: SendRecord[] } {
  const counts = new Map<string, number>();
  for (const record of before)
    counts.set(sendKey(record), (counts.get(sendKey(record)) ?? 0) + 1);
  const onlyAfter: SendRecord[] = [];
  for (const record of after) {
    const count = counts.get(sendKey(record)) ?? 0;
    if (count > 0) counts.set(sendKey(record), count - 1);
    else onlyAfter.push(record);
  }
  const onlyBefore: SendRecord[] = [];
  for (const record of [...before].reverse()) {
    const count = counts.get(sendKey(record)) ?? 0;
    if (count > 0) {
      counts.set(sendKey(record), count - 1);
      onlyBefore.push(record);
    }
  }
  return { before: onlyBefore.reverse(), after: onlyAfter };
}

function sendKey(record: SendRecord): string {
  return [
    record.at,
    record.member,
    record.journey,
    record.step,
    record.template,
    record.channel,
    record.offer,
    record.outcome,
    record.rule,
  ].join('\u0000');
}

function sendChange(
  before: SendRecord | undefined,
  after: SendRecord | undefined,
  zone: TimeZone,
): SendChange | undefined {
  const record = after ?? before;
  if (record === undefined) return undefined;
  const a = before === undefined ? null : outcomeOf(before, zone);
  const b = after === undefined ? null : outcomeOf(after, zone);
  const moved =
    before !== undefined && after !== undefined && before.at !== after.at;
  return {
    kind: changeKind(a, b, moved),
    member: record.member,
    journey: record.journey,
    step: record.step,
    template: record.template,
    before: a,
    after: b,
    shift: moved ? signed(formatDuration(after.at - before.at)) : null,
  };
}

function changeKind(
  before: SendOutcome | null,
  after: SendOutcome | null,
  moved: boolean,
): SendChangeKind {
  if (before === null) return 'added';
  if (after === null) return 'removed';
  if (before.outcome !== after.outcome || before.rule !== after.rule)
    return 'held_back_changed';
  return moved ? 'moved' : 'changed';
}

function outcomeOf(record: SendRecord, zone: TimeZone): SendOutcome {
  return {
    at: formatInstant(record.at, zone),
    channel: record.channel,
    offer: record.offer,
    outcome: record.outcome === 'sent' ? 'sent' : 'held_back',
    rule: record.rule,
  };
}

function signed(duration: string): string {
  return duration.startsWith('-') ? duration : `+${duration}`;
}
