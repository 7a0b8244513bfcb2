import type { RestoreOutcome } from '../../../runtime/engine-restore.js';
import { JourneyEngine } from '../../../runtime/engine.js';
import type {
  MessageValues,
  SendRecord,
} from '../../../runtime/engine-types.js';
import type { Program } from '../../../runtime/program.js';
import { wideStableHash } from '../../../runtime/stable-hash.js';
import { formatDate, parseDate } from '../../../runtime/values.js';
import type {
  InputProblem,
  TriggerModel,
  TriggerOptions,
} from './run-triggers.js';
import { SendLineWriter, type LineOutput } from './send-lines.js';
import {
  emptyTriggerState,
  type SavedMember,
  type TriggerState,
} from './trigger-state.js';
import {
  convertDateTime,
  convertObject,
  copyJson,
  type ValueProblem,
} from './value-shape.js';

/*
 * Shipped with the generated trigger code (as runner/trigger-session.ts):
 * the engine of one invocation, taken up from a saved state and fed a run.
 */

/** One run: its local days, and its members and events that count. */
export interface TriggerRun {
  /** The first local day, `YYYY-MM-DD`. */
  readonly from: string;
  readonly days: number;
  /**
   * Members new or changed since the run before, in runtime form, each
   * with the hash of its input line.
   */
  readonly members: readonly SavedMember[];
  /** Its events, in runtime form and input order. */
  readonly events: readonly RunEvent[];
}

/** An event for the member with id `member`. */
export interface RunEvent {
  readonly member: string;
  /** The payload plus `at` (epoch milliseconds) and `type`. */
  readonly event: Record<string, unknown>;
}

/**
 * The members, the engine and its listener for one invocation. The engine
 * is made when the saved or first members are in, so that its per-member
 * arrays start dense, as in the simulator. `Member` is the type subject
 * renderers see members as.
 */
export class TriggerSession<Member> {
  private readonly members: Record<string, unknown>[] = [];
  private readonly indexes = new Map<string, number>();
  /** A hash of each member's last input, to spot changed lines. */
  private readonly stored = new Map<string, number>();
  private readonly lines = new SendLineWriter<Member>();
  private engine: JourneyEngine | undefined;
  private output: LineOutput<Member> | undefined;

  constructor(private readonly program: Program) {}

  /**
   * Takes up a saved state: its members (copies, so that the state stays
   * as it was) and its engine. `upgrade`: the state was saved by other
   * journeys (see runtime/engine-restore.ts).
   */
  resume(state: TriggerState, upgrade: boolean): RestoreOutcome {
    for (const { record, input } of state.members) {
      const id = String(record['id']);
      this.indexes.set(id, this.members.length);
      this.members.push(copyJson(record));
      // Other journeys may read their input otherwise (another Model):
      // after an upgrade every member given is read again.
      if (!upgrade) this.stored.set(id, input);
    }
    if (state.engine === null) return { ended: 0 };
    return this.startEngine().restore(state.engine, upgrade);
  }

  /** The state to save once the run is done, for a program and next day. */
  save(program: string, next: string): TriggerState {
    // The index map was filled in member order.
    const ids = [...this.indexes.keys()];
    return {
      ...emptyTriggerState(program),
      next,
      members: this.members.map((record, index) => ({
        record,
        input: this.stored.get(ids[index] ?? '') ?? 0,
      })),
      engine: this.engine?.save() ?? null,
    };
  }

  /**
   * Adds a run's members and events and runs its days, writing its
   * decisions to `output`.
   */
  apply(run: TriggerRun, output: LineOutput<Member>): void {
    for (const record of run.members) this.putMember(record);
    const engine = this.startEngine();
    for (const { member, event } of run.events) {
      const index = this.indexes.get(member);
      if (index !== undefined) engine.addEvent(index, event);
    }

    this.output = output;
    const zone = this.program.timeZone;
    const first = parseDate(run.from) ?? 0;
    for (let day = first; day < first + run.days; day++) {
      engine.planDay(day);
      engine.runUntil(zone.toEpoch(day + 1, 0));
    }
    this.output = undefined;
  }

  /** Reads this run's input into a run: changed members, known events. */
  readRun(
    from: number,
    options: TriggerOptions<Member>,
    model: TriggerModel,
    problems: InputProblem[],
  ): TriggerRun {
    const members = this.readMembers(options.members ?? [], model, problems);
    const known = new Set(members.map(({ record }) => String(record['id'])));
    const isKnown = (id: string): boolean =>
      known.has(id) || this.indexes.has(id);
    const events = this.readEvents(
      options.events ?? [],
      model,
      isKnown,
      problems,
    );
    return { from: formatDate(from), days: options.days, members, events };
  }

  /**
   * The members new or changed since the last run. A member whose input is
   * the same as then is not converted again: most lines of a daily export
   * are.
   */
  private readMembers(
    input: Iterable<unknown>,
    model: TriggerModel,
    problems: InputProblem[],
  ): SavedMember[] {
    const zone = this.program.timeZone;
    const members: SavedMember[] = [];
    const seen = new Set<string>();
    let index = 0;
    for (const value of input) {
      const hash = inputHash(value);
      const given = idOf(value);
      const unchanged =
        given !== undefined &&
        !seen.has(given) &&
        this.stored.get(given) === hash;
      if (unchanged) {
        seen.add(given);
        index++;
        continue;
      }
      const found: ValueProblem[] = [];
      const member = convertObject(value, model.member, zone, '', found);
      const id = member?.['id'];
      const fits = member !== null && found.length === 0;
      if (fits && typeof id === 'string' && seen.has(id)) {
        found.push({ path: 'id', message: `member ${id} appears twice` });
      }
      addProblems(problems, 'members', index++, found);
      if (member === null || found.length > 0 || typeof id !== 'string')
        continue;
      seen.add(id);
      members.push({ record: member, input: hash });
    }
    return members;
  }

  private readEvents(
    input: Iterable<unknown>,
    model: TriggerModel,
    isKnown: (member: string) => boolean,
    problems: InputProblem[],
  ): RunEvent[] {
    const events: RunEvent[] = [];
    let index = 0;
    for (const value of input) {
      const found: ValueProblem[] = [];
      const event = this.readEvent(value, model, isKnown, found);
      addProblems(problems, 'events', index++, found);
      if (event !== undefined && found.length === 0) events.push(event);
    }
    return events;
  }

  private readEvent(
    value: unknown,
    model: TriggerModel,
    isKnown: (member: string) => boolean,
    found: ValueProblem[],
  ): RunEvent | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      found.push({ path: '', message: 'expected an object' });
      return undefined;
    }
    const { member, type, at, payload } = value as Record<string, unknown>;
    const shape = typeof type === 'string' ? model.events.get(type) : undefined;
    const instant = convertDateTime(at, this.program.timeZone);
    if (typeof member !== 'string' || !isKnown(member)) {
      found.push({ path: 'member', message: 'no such member' });
    }
    if (shape === undefined) {
      found.push({ path: 'type', message: 'no such event type' });
    }
    if (instant === undefined) {
      found.push({ path: 'at', message: 'expected a datetime or epoch' });
    }
    if (
      typeof member !== 'string' ||
      shape === undefined ||
      instant === undefined
    )
      return undefined;
    const fields = convertObject(
      payload ?? {},
      shape,
      this.program.timeZone,
      'payload',
      found,
    );
    if (fields === null) return undefined;
    const event = Object.fromEntries([
      ...Object.entries(fields),
      ['at', instant],
      ['type', type],
    ]);
    return { member, event };
  }

  private startEngine(): JourneyEngine {
    return (this.engine ??= new JourneyEngine(this.program, this.members, {
      onSend: (record, message) => this.decided(record, message),
    }));
  }

  /** Puts in a member read for this run: the record is the run's own. */
  private putMember({ record, input }: SavedMember): void {
    const id = String(record['id']);
    this.stored.set(id, input);
    const index = this.indexes.get(id);
    if (index === undefined) {
      this.indexes.set(id, this.members.length);
      this.members.push(record);
    } else {
      this.members[index] = record;
    }
  }

  /** Writes a decision as a line, to this run's output if it has one. */
  private decided(record: SendRecord, message: MessageValues): void {
    const index = this.indexes.get(record.member) ?? -1;
    if (this.engine !== undefined)
      this.lines.decided(record, message, this.engine, index, this.output);
  }
}

function addProblems(
  problems: InputProblem[],
  input: 'members' | 'events',
  index: number,
  found: readonly ValueProblem[],
): void {
  for (const { path, message } of found) {
    problems.push({ input, index, path, message });
  }
}

/** The id a member input gives, before it is converted. */
function idOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const id = (value as Record<string, unknown>)['id'];
  return typeof id === 'string' ? id : undefined;
}

/**
 * A hash of a member's input, kept instead of the input so that a base of
 * millions of members is not held twice.
 */
function inputHash(value: unknown): number {
  return wideStableHash(JSON.stringify(value) ?? '');
}
