import { JourneyEngine } from '../runtime/engine.js';
import type { Program } from '../runtime/program.js';
import type { Fixture } from '../workspace/fixture.js';
import { TimelineRecorder, type TimelineEntry } from './timeline.js';

/** Simulates a fixture's members and events over its period. */
export function runFixture(
  program: Program,
  fixture: Fixture,
): TimelineEntry[] {
  const members = fixture.members.map(
    (member) => structuredClone(member.attributes) as Record<string, unknown>,
  );
  const indexes = new Map(
    fixture.members.map((member, index) => [member.id, index]),
  );
  const recorder = new TimelineRecorder();
  const engine = new JourneyEngine(program, members, recorder);
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
