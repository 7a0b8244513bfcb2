import type { Agenda } from './agenda.js';
import type {
  EngineTask,
  Instance,
  IssuedOffer,
  MemberState,
  PendingSend,
} from './engine-types.js';
import { nothing } from './member-state.js';
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
  readonly lastEntered: readonly number[];
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

/** Gives each instance and offer of a member its place. */
class MemberTables {
  readonly instances: Instance[] = [];
  readonly offers: IssuedOffer[] = [];
  private readonly instancePlaces = new Map<Instance, number>();
  private readonly offerPlaces = new Map<IssuedOffer, number>();

  constructor(readonly state: MemberState | undefined) {
    for (const instance of state?.instances ?? []) this.instance(instance);
    for (const offer of state?.offers ?? []) this.offer(offer);
  }

  instance(instance: Instance): number {
    let place = this.instancePlaces.get(instance);
    if (place === undefined) {
      place = this.instances.push(instance) - 1;
      this.instancePlaces.set(instance, place);
    }
    return place;
  }

  offer(offer: IssuedOffer): number {
    let place = this.offerPlaces.get(offer);
    if (place === undefined) {
      place = this.offers.push(offer) - 1;
      this.offerPlaces.set(offer, place);
    }
    return place;
  }
}

/**
 * The state of an engine between two days. Nothing may be pending: sends
 * are decided within the instant they are made, and entries within their
 * day.
 */
export function saveEngine(parts: EngineParts): EngineSnapshot {
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
    .map((member) => saveMember(member, tablesOf(member)));
  return {
    now: parts.now,
    seq: parts.seq,
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

function saveMember(member: number, table: MemberTables): SavedMember {
  // An instance's offer may be one its member no longer holds: the
  // instances go first, so that the offers' table has it.
  const instances = table.instances.map((instance) => ({
    journey: instance.journey.id,
    enteredAt: instance.enteredAt,
    event: instance.event,
    pc: instance.pc,
    offer: instance.offer === null ? null : table.offer(instance.offer),
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
    offers: table.offers.map(({ journey, ...offer }) => ({
      ...offer,
      journey: journey.id,
    })),
    held: state?.offers.length ?? 0,
    lastEntered: state?.lastEntered ?? [],
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
      const instance = tablesOf(member).instance(task.instance);
      return { kind: task.kind, member, instance, token: task.token };
    }
    case 'reminder': {
      const member = task.memberIndex;
      const offer = tablesOf(member).offer(task.offer);
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
    instance: send.instance === null ? null : table.instance(send.instance),
    reminded: send.reminded === null ? null : table.offer(send.reminded),
    seq: send.seq,
  };
}

/**
 * Takes up a saved state in an engine that has run nothing. Returns why
 * not when the snapshot does not fit the program or its members, or is
 * damaged; the engine is then not to be used.
 */
export function restoreEngine(
  parts: EngineParts,
  program: Program,
  snapshot: EngineSnapshot,
): string | undefined {
  const journeys = new Map(
    program.journeys.map((journey) => [journey.id, journey]),
  );
  const journey = (id: string): ProgramJourney => {
    const found = journeys.get(id);
    if (found === undefined) throw new SnapshotMismatch(`no journey ${id}`);
    return found;
  };
  const count = parts.memberCount;
  const memberIndex = (member: number): number => {
    if (!Number.isInteger(member) || member < 0 || member >= count)
      throw new SnapshotMismatch(`no member ${member}`);
    return member;
  };
  try {
    const restored = new Map<number, RestoredTables>();
    for (const saved of snapshot.members) {
      const member = memberIndex(saved.member);
      const tables = restoreTables(saved, member, journey);
      restored.set(member, tables);
      if (saved.kept) parts.states[member] = tables.state;
    }
    const tablesOf = (member: number): RestoredTables => {
      const found = restored.get(memberIndex(member));
      if (found === undefined)
        throw new SnapshotMismatch(`no state for member ${member}`);
      return found;
    };
    for (const task of snapshot.tasks)
      parts.agenda.add(
        task.time,
        task.phase,
        restoreTask(task, tablesOf, memberIndex, journey),
      );
    for (const segment of snapshot.segments) {
      const membership = new Uint8Array(count);
      for (const member of segment.inside) membership[memberIndex(member)] = 1;
      parts.segments.set(journey(segment.journey), membership);
    }
    parts.now = snapshot.now;
    parts.seq = snapshot.seq;
    return undefined;
  } catch (error) {
    if (error instanceof SnapshotMismatch) return error.message;
    // The saved values are not of the shapes written: a damaged file.
    const detail = error instanceof Error ? error.message : String(error);
    return `it is damaged (${detail})`;
  }
}

/** The item at a place in a member's table. */
function itemAt<T>(items: readonly T[], place: number): T {
  const item = items[place];
  if (item === undefined) throw new SnapshotMismatch(`no item ${place}`);
  return item;
}

/** A saved state that names what the program or members do not have. */
class SnapshotMismatch extends Error {}

interface RestoredTables {
  readonly state: MemberState;
  readonly instances: readonly Instance[];
  readonly offers: readonly IssuedOffer[];
}

function restoreTables(
  saved: SavedMember,
  member: number,
  journey: (id: string) => ProgramJourney,
): RestoredTables {
  const offers: IssuedOffer[] = saved.offers.map((offer) => ({
    ...offer,
    journey: journey(offer.journey),
  }));
  const instances: Instance[] = saved.instances.map((instance) => ({
    ...instance,
    journey: journey(instance.journey),
    memberIndex: member,
    offer: instance.offer === null ? null : itemAt(offers, instance.offer),
  }));
  // Empty lists are the shared one, as in a running engine.
  const list = <T>(items: readonly T[]): T[] =>
    items.length === 0 ? nothing<T>() : [...items];
  return {
    state: {
      instances: list(instances.slice(0, saved.active)),
      offers: list(offers.slice(0, saved.held)),
      lastEntered: list(saved.lastEntered),
      sends: list(saved.sends),
    },
    instances,
    offers,
  };
}

function restoreTask(
  task: SavedTask,
  tablesOf: (member: number) => RestoredTables,
  memberIndex: (member: number) => number,
  journey: (id: string) => ProgramJourney,
): EngineTask {
  switch (task.kind) {
    case 'event':
      return {
        kind: 'event',
        memberIndex: memberIndex(task.member),
        event: task.event,
      };
    case 'wake':
    case 'timeout': {
      const { instances } = tablesOf(task.member);
      const instance = itemAt(instances, task.instance);
      return { kind: task.kind, instance, token: task.token };
    }
    case 'reminder': {
      const offer = itemAt(tablesOf(task.member).offers, task.offer);
      return {
        kind: 'reminder',
        memberIndex: task.member,
        offer,
        index: task.index,
      };
    }
    case 'deliver': {
      const { instances, offers } = tablesOf(task.member);
      const { send } = task;
      return {
        kind: 'deliver',
        send: {
          ...send,
          memberIndex: task.member,
          journey: journey(send.journey),
          instance:
            send.instance === null ? null : itemAt(instances, send.instance),
          reminded:
            send.reminded === null ? null : itemAt(offers, send.reminded),
        },
      };
    }
  }
}
