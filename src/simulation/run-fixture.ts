import { JourneyEngine } from '../runtime/engine.js';
import type { EngineListener } from '../runtime/engine-types.js';
import type { Program } from '../runtime/program.js';
import type { Fixture } from '../workspace/fixture.js';
import { TimelineRecorder, type TimelineEntry } from './timeline.js';

/** Simulates a fixture's members and events over its period. */
export function runFixture(
  program: Program,
  fixture: Fixture,
  observer: EngineListener = {},
): TimelineEntry[] {
  const members = fixture.members.map(
    (member) => structuredClone(member.attributes) as Record<string, unknown>,
  );
  const indexes = new Map(
    fixture.members.map((member, index) => [member.id, index]),
  );
  const recorder = new TimelineRecorder();
  const engine = new JourneyEngine(
    program,
    members,
    combine(recorder, observer),
  );
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
  return recorder.entries;
}

/** One listener that passes every call on to both. */
function combine(
  first: EngineListener,
  second: EngineListener,
): EngineListener {
  return {
    onSend: (record, message) => {
      first.onSend?.(record, message);
      second.onSend?.(record, message);
    },
    onEnter: (member, journey, at) => {
      first.onEnter?.(member, journey, at);
      second.onEnter?.(member, journey, at);
    },
    onLeave: (member, journey, at, reason) => {
      first.onLeave?.(member, journey, at, reason);
      second.onLeave?.(member, journey, at, reason);
    },
    onPath: (member, journey, step, path) => {
      first.onPath?.(member, journey, step, path);
      second.onPath?.(member, journey, step, path);
    },
  };
}
