import { JourneyEngine } from '../runtime/engine.js';
import type { EngineListener } from '../runtime/engine-types.js';
import type { Program } from '../runtime/program.js';
import type { Fixture } from '../workspace/fixture.js';
import { TimelineRecorder, type TimelineEntry } from './timeline.js';

/**
 * Simulates a fixture's members and events over its period, and gives the
 * timeline of what the engine decided. Each observer hears every decision.
 */
export function runFixture(
  program: Program,
  fixture: Fixture,
  ...observers: EngineListener[]
): TimelineEntry[] {
  const recorder = new TimelineRecorder();
  simulateFixture(program, fixture, () => combine([recorder, ...observers]));
  return recorder.entries;
}

/**
 * Runs a fixture on the engine: copies of its members (which `listen` is
 * given, to read while the engine changes them), its events, then its days
 * one by one, each planned and run to its end.
 */
export function simulateFixture(
  program: Program,
  fixture: Fixture,
  listen: (members: readonly Record<string, unknown>[]) => EngineListener,
): void {
  const members = fixture.members.map(
    (member) => structuredClone(member.attributes) as Record<string, unknown>,
  );
  const indexes = new Map(
    fixture.members.map((member, index) => [member.id, index]),
  );
  const engine = new JourneyEngine(program, members, listen(members));
  for (const event of fixture.events) {
    const index = indexes.get(event.member);
    if (index === undefined) continue;
    engine.addEvent(index, {
      ...structuredClone(event.payload),
      at: event.at,
      type: event.type,
    });
  }
  const zone = program.timeZone;
  for (
    let day = fixture.startDay;
    day < fixture.startDay + fixture.days;
    day++
  ) {
    engine.planDay(day);
    engine.runUntil(zone.toEpoch(day + 1, 0));
  }
}

/** One listener that passes every call on to each of the listeners. */
function combine(listeners: readonly EngineListener[]): EngineListener {
  return {
    onSend: (record, message) => {
      for (const listener of listeners) listener.onSend?.(record, message);
    },
    onEnter: (member, journey, at) => {
      for (const listener of listeners) listener.onEnter?.(member, journey, at);
    },
    onLeave: (member, journey, at, reason) => {
      for (const listener of listeners)
        listener.onLeave?.(member, journey, at, reason);
    },
    onPath: (member, journey, step, path) => {
      for (const listener of listeners)
        listener.onPath?.(member, journey, step, path);
    },
  };
}
