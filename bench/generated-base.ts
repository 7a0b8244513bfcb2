import type { Program } from '../src/runtime/program.js';
import { EventGenerator } from '../src/simulation/population/generate-events.js';
import { generateMembers } from '../src/simulation/population/generate-members.js';
import type { Workspace } from '../src/workspace/workspace.js';

/** An event of a generated day, with the index of its member. */
export interface GeneratedEvent {
  readonly memberIndex: number;
  readonly event: Record<string, unknown>;
}

/** A generated member base and the events of its first days. */
export interface GeneratedBase {
  readonly members: Record<string, unknown>[];
  /** Per day from the first, its events. */
  readonly days: readonly (readonly GeneratedEvent[])[];
}

/** Generates `count` members and `days` days of events from a seed. */
export function generateBase(
  workspace: Workspace,
  program: Program,
  options: { count: number; seed: number; startDay: number; days: number },
): GeneratedBase {
  const { count, seed, startDay } = options;
  const timeZone = program.timeZone;
  const members = generateMembers(workspace.model, {
    count,
    seed,
    startDay,
    timeZone,
  });
  const generator = new EventGenerator(workspace.model, members, {
    seed,
    startDay,
    timeZone,
  });
  const days: GeneratedEvent[][] = [];
  for (let day = startDay; day < startDay + options.days; day++) {
    const events: GeneratedEvent[] = [];
    generator.generateDay(day, (memberIndex, event) =>
      events.push({ memberIndex, event }),
    );
    days.push(events);
  }
  return { members, days };
}
