import type { Agenda } from './agenda.js';
import type {
  EngineTask,
  Instance,
  IssuedOffer,
  MemberState,
  PendingSend,
} from './engine-types.js';
import { stableHash } from './stable-hash.js';
import type {
  CategoryName,
  ChannelName,
  Program,
  ProgramJourney,
} from './program.js';

/*
 * The engine's state between two days as plain JSON values, so that a run
 * can stop and a later one go on exactly where it stopped. Journeys go by
 * id; an instance or offer goes by its place in its member's tables, since
 * tasks and instances share them (a wake-up names the instance it wakes, an
 * instance the offer it issued).
 */

/** The whole state of an engine between two days. */
export interface EngineSnapshot {
  /** The engine's clock: the instant of the last task it ran. */
  readonly now: number;
  /** The order number the next send gets (ties are decided by it). */
  readonly seq: number;
  /**
   * The shape of each journey (see journeyShape), to tell, when the state
   * is taken up by other journeys, which of them are unchanged.
   */
  readonly journeys: readonly { readonly id: string; readonly shape: number }[];
  /** Per segment-triggered journey, the members inside its segment. */
  readonly segments: readonly SavedSegment[];
  /** The members with state, or with instances or offers a task names. */
  readonly members: readonly SavedMember[];
  /** The tasks due later, in the order they come due. */
  readonly tasks: readonly SavedTask[];
}

export interface SavedSegment {
  readonly journey: string;
  /** Member indexes, ascending. */
  readonly inside: readonly number[];
}

/** One member's journey state. */
export interface SavedMember {
  readonly member: number;
  /** False when the engine keeps no state for the member, only tasks do. */
  readonly kept: boolean;
  /** Its instances: the first `active` are the ones it is in, in order. */
  readonly instances: readonly SavedInstance[];
  readonly active: number;
  /** Its offers: the first `held` are the ones it holds, in order. */
  readonly offers: readonly SavedOffer[];
  readonly held: number;
  /** Journeys entered: id and last entry instant. */
  readonly lastEntered: readonly (readonly [string, number])[];
  readonly sends: MemberState['sends'];
}

export interface SavedInstance {
  readonly journey: string;
  readonly enteredAt: number;
  readonly event: Record<string, unknown> | null;
  readonly pc: number;
  /** Place in the member's offers, or null. */
  readonly offer: number | null;
  readonly token: number;
  readonly waitingFor: string | null;
  readonly done: boolean;
}

export type SavedOffer = Omit<IssuedOffer, 'journey'> & {
  readonly journey: string;
};

export interface SavedSend {
  readonly journey: string;
  readonly step: string;
  readonly channel: ChannelName;
  readonly template: string;
  readonly offer: string | null;
  readonly category: CategoryName;
  /** Place in the member's instances, or null. */
  readonly instance: number | null;
  /** Place in the member's offers, or null. */
  readonly reminded: number | null;
  readonly seq: number;
}

/** A task due at an instant, in its phase there (see Agenda). */
export type SavedTask = {
  readonly time: number;
  readonly phase: number;
} & SavedTaskBody;

/** What a task does, with its member and places in the member's tables. */
export type SavedTaskBody =
  | {
      readonly kind: 'event';
      readonly member: number;
      readonly event: Record<string, unknown>;
    }
  | {
      readonly kind: 'wake' | 'timeout';
      readonly member: number;
      readonly instance: number;
      readonly token: number;
    }
  | {
      readonly kind: 'reminder';
      readonly member: number;
      readonly offer: number;
      readonly index: number;
    }
  | {
      readonly kind: 'deliver';
      readonly member: number;
      readonly send: SavedSend;
    };

/** The parts of an engine that hold its state. */
export interface EngineParts {
  readonly agenda: Agenda<EngineTask>;
  readonly states: (MemberState | undefined)[];
  readonly segments: Map<ProgramJourney, Uint8Array>;
  readonly memberCount: number;
  now: number;
  seq: number;
}

/** Numbers items in the order they are first met. */
class Places<T> {
  readonly items: T[] = [];
  private readonly places = new Map<T, number>();

  of(item: T): number {
    let place = this.places.get(item);
    if (place === undefined) {
      place = this.items.push(item) - 1;
      this.places.set(item, place);
    }
    return place;
  }
}

/**
 * A member's instances and offers by place: those of its state first, in
 * order, then those only tasks or instances name.
 */
class MemberTables {
  readonly instances = new Places<Instance>();
  readonly offers = new Places<IssuedOffer>();

  constructor(readonly state: MemberState | undefined) {
    for (const instance of state?.instances ?? []) this.instances.of(instance);
    for (const offer of state?.offers ?? []) this.offers.of(offer);
  }
}

/**
 * The state of an engine between two days. Nothing may be pending: sends
 * are decided within the instant they are made, and entries within their
 * day.
 */
export function saveEngine(
  parts: EngineParts,
  program: Program,
): EngineSnapshot {
  const tables = new Map<number, MemberTables>();
  const tablesOf = (member: number): MemberTables => {
    let found = tables.get(member);
    if (found === undefined) {
      found = new MemberTables(parts.states[member]);
      tables.set(member, found);
    }
    return found;
  };
  parts.states.forEach((state, member) => {
    if (state !== undefined) tablesOf(member);
  });
  const tasks = [...parts.agenda.entries()].map(({ time, phase, task }) => ({
    time,
    phase,
    ...saveTask(task, tablesOf),
  }));

  const members = [...tables.keys()]
    .sort((a, b) => a - b)
    .map((member) => saveMember(member, tablesOf(member), program));
  return {
    now: parts.now,
    seq: parts.seq,
    journeys: program.journeys.map((journey) => ({
      id: journey.id,
      shape: journeyShape(journey),
    })),
    segments: [...parts.segments].map(([journey, membership]) => ({
      journey: journey.id,
      inside: membership.reduce<number[]>((inside, flag, member) => {
        if (flag === 1) inside.push(member);
        return inside;
      }, []),
    })),
    members,
    tasks,
  };
}

function saveMember(
  member: number,
  table: MemberTables,
  program: Program,
): SavedMember {
  // An instance's offer may be one its member no longer holds: the
  // instances go first, so that the offers' table has it.
  const instances = table.instances.items.map((instance) => ({
    journey: instance.journey.id,
    enteredAt: instance.enteredAt,
    event: instance.event,
    pc: instance.pc,
    offer: instance.offer === null ? null : table.offers.of(instance.offer),
    token: instance.token,
    waitingFor: instance.waitingFor,
    done: instance.done,
  }));
  const { state } = table;
  return {
    member,
    kept: state !== undefined,
    instances,
    active: state?.instances.length ?? 0,
    offers: table.offers.items.map(({ journey, ...offer }) => ({
      ...offer,
      journey: journey.id,
    })),
    held: state?.offers.length ?? 0,
    lastEntered: entriesById(state?.lastEntered ?? [], program),
    sends: state?.sends ?? [],
  };
}

function saveTask(
  task: EngineTask,
  tablesOf: (member: number) => MemberTables,
): SavedTaskBody {
  switch (task.kind) {
    case 'event':
      return { kind: 'event', member: task.memberIndex, event: task.event };
    case 'wake':
    case 'timeout': {
      const member = task.instance.memberIndex;
      const instance = tablesOf(member).instances.of(task.instance);
      return { kind: task.kind, member, instance, token: task.token };
    }
    case 'reminder': {
      const member = task.memberIndex;
      const offer = tablesOf(member).offers.of(task.offer);
      return { kind: 'reminder', member, offer, index: task.index };
    }
    case 'deliver':
      return {
        kind: 'deliver',
        member: task.send.memberIndex,
        send: saveSend(task.send, tablesOf(task.send.memberIndex)),
      };
    case 'entry':
      throw new Error('an engine is saved between days, not within one');
  }
}

function saveSend(send: PendingSend, table: MemberTables): SavedSend {
  return {
    journey: send.journey.id,
    step: send.step,
    channel: send.channel,
    template: send.template,
    offer: send.offer,
    category: send.category,
    instance: send.instance === null ? null : table.instances.of(send.instance),
    reminded: send.reminded === null ? null : table.offers.of(send.reminded),
    seq: send.seq,
  };
}

/** A member's journey entries, from index and instant pairs to id pairs. */
function entriesById(
  entries: readonly number[],
  program: Program,
): [string, number][] {
  const byId: [string, number][] = [];
  for (let index = 0; index < entries.length; index += 2) {
    const journey = program.journeys[entries[index] ?? -1];
    if (journey !== undefined) byId.push([journey.id, entries[index + 1] ?? 0]);
  }
  return byId;
}

/**
 * A hash of what a journey does: its entry, rules and steps with their
 * conditions' source, not its place in the program or the priorities. A
 * member in a journey can go on in another program only where this is the
 * same: a member's place in the journey is a position in its steps.
 */
export function journeyShape(journey: ProgramJourney): number {
  const steps = {
    id: journey.id,
    category: journey.category,
    entry: journey.entry,
    reEntryAfterMs: journey.reEntryAfterMs,
    exitEvents: journey.exitEvents,
    exitConditions: journey.exitConditions,
    goal: journey.goal,
    code: journey.code,
    start: journey.start,
  };
  const text = JSON.stringify(steps, (_key, value: unknown) =>
    typeof value === 'function' ? String(value) : value,
  );
  return stableHash(text);
}
