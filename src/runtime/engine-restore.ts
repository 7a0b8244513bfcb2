import {
  journeyShape,
  type EngineParts,
  type EngineSnapshot,
  type SavedMember,
  type SavedTask,
} from './engine-snapshot.js';
import type { EngineTask, Instance, IssuedOffer } from './engine-types.js';
import { nothing } from './member-state.js';
import type { Program, ProgramJourney } from './program.js';

/*
 * Taking up a saved engine state (engine-snapshot.ts) in a new engine. By
 * the program that saved it, exactly. By another program (an upgrade, once
 * the journeys changed), as far as it carries over: members go on in the
 * journeys whose steps are the same; they leave the others, and waits and
 * sends of theirs are dropped. Entries, cap windows, offers and events due
 * later are data, and carry over for every journey there still is.
 */

/** What taking up a state came to. */
export type RestoreOutcome =
  | { readonly problem: string }
  /** Taken up; `ended` members left journeys that changed (upgrade only). */
  | { readonly ended: number };

/**
 * Takes up a saved state in an engine that has run nothing. `upgrade`:
 * the state was saved by another program. Gives why not when the snapshot
 * does not fit the program or its members, or is damaged; the engine is
 * then not to be used.
 */
export function restoreEngine(
  parts: EngineParts,
  program: Program,
  snapshot: EngineSnapshot,
  upgrade: boolean,
): RestoreOutcome {
  try {
    const restorer = new Restorer(parts, program, snapshot, upgrade);
    return { ended: restorer.restore() };
  } catch (error) {
    if (error instanceof SnapshotMismatch) return { problem: error.message };
    // The saved values are not of the shapes written: a damaged file.
    const detail = error instanceof Error ? error.message : String(error);
    return { problem: `it is damaged (${detail})` };
  }
}

/** A saved state that names what the program or members do not have. */
class SnapshotMismatch extends Error {}

/**
 * A member's instances and offers by their saved places; null where one
 * does not carry over.
 */
interface RestoredTables {
  readonly instances: readonly (Instance | null)[];
  readonly offers: readonly (IssuedOffer | null)[];
}

class Restorer {
  private readonly journeys: ReadonlyMap<string, ProgramJourney>;
  /** Journeys whose members go on in them. */
  private readonly unchanged: ReadonlySet<string>;
  private readonly tables = new Map<number, RestoredTables>();
  private ended = 0;

  constructor(
    private readonly parts: EngineParts,
    program: Program,
    private readonly snapshot: EngineSnapshot,
    private readonly upgrade: boolean,
  ) {
    this.journeys = new Map(
      program.journeys.map((journey) => [journey.id, journey]),
    );
    const shapes = new Map(
      snapshot.journeys.map(({ id, shape }) => [id, shape]),
    );
    this.unchanged = new Set(
      program.journeys
        .filter(
          (journey) =>
            !upgrade || shapes.get(journey.id) === journeyShape(journey),
        )
        .map((journey) => journey.id),
    );
  }

  /** Puts the state into the engine's parts; gives the members who left. */
  restore(): number {
    const { parts, snapshot } = this;
    for (const saved of snapshot.members) this.restoreMember(saved);
    for (const task of snapshot.tasks) {
      const restored = this.restoreTask(task);
      if (restored !== null) parts.agenda.add(task.time, task.phase, restored);
    }
    for (const segment of snapshot.segments) {
      const journey = this.carried(segment.journey);
      if (journey === undefined) continue;
      const membership = new Uint8Array(parts.memberCount);
      for (const member of segment.inside) membership[this.member(member)] = 1;
      parts.segments.set(journey, membership);
    }
    parts.now = snapshot.now;
    parts.seq = snapshot.seq;
    return this.ended;
  }

  private restoreMember(saved: SavedMember): void {
    const member = this.member(saved.member);
    const offers = saved.offers.map((offer) => {
      const journey = this.journey(offer.journey);
      return journey === undefined ? null : { ...offer, journey };
    });
    const instances = saved.instances.map((instance, place) => {
      const journey = this.carried(instance.journey);
      if (journey === undefined) {
        if (place < saved.active && !instance.done) this.ended++;
        return null;
      }
      const offer =
        instance.offer === null ? null : itemAt(offers, instance.offer);
      return { ...instance, journey, memberIndex: member, offer };
    });
    this.tables.set(member, { instances, offers });
    if (!saved.kept) return;

    const lastEntered: number[] = [];
    for (const [id, at] of saved.lastEntered) {
      const journey = this.journey(id);
      if (journey !== undefined) lastEntered.push(journey.index, at);
    }
    this.parts.states[member] = {
      instances: present(instances.slice(0, saved.active)),
      offers: present(offers.slice(0, saved.held)),
      lastEntered: lastEntered.length === 0 ? nothing() : lastEntered,
      sends: saved.sends.length === 0 ? nothing() : [...saved.sends],
    };
  }

  /** A task in the engine's form; null when what it is about is gone. */
  private restoreTask(task: SavedTask): EngineTask | null {
    switch (task.kind) {
      case 'event':
        return {
          kind: 'event',
          memberIndex: this.member(task.member),
          event: task.event,
        };
      case 'wake':
      case 'timeout': {
        const instance = itemAt(
          this.tablesOf(task.member).instances,
          task.instance,
        );
        if (instance === null) return null;
        return { kind: task.kind, instance, token: task.token };
      }
      case 'reminder': {
        const offer = itemAt(this.tablesOf(task.member).offers, task.offer);
        if (offer === null) return null;
        return {
          kind: 'reminder',
          memberIndex: task.member,
          offer,
          index: task.index,
        };
      }
      case 'deliver':
        return this.restoreDelivery(task);
    }
  }

  private restoreDelivery(
    task: SavedTask & { readonly kind: 'deliver' },
  ): EngineTask | null {
    const { send } = task;
    const { instances, offers } = this.tablesOf(task.member);
    const journey = this.journey(send.journey);
    const instance =
      send.instance === null ? null : itemAt(instances, send.instance);
    const reminded =
      send.reminded === null ? null : itemAt(offers, send.reminded);
    const gone =
      journey === undefined ||
      (send.instance !== null && instance === null) ||
      (send.reminded !== null && reminded === null);
    if (gone) return null;
    return {
      kind: 'deliver',
      send: { ...send, memberIndex: task.member, journey, instance, reminded },
    };
  }

  /** A journey of the program; undefined if it is gone (upgrades only). */
  private journey(id: string): ProgramJourney | undefined {
    const journey = this.journeys.get(id);
    if (journey === undefined && !this.upgrade)
      throw new SnapshotMismatch(`no journey ${id}`);
    return journey;
  }

  /** A journey its members go on in: there, and unchanged. */
  private carried(id: string): ProgramJourney | undefined {
    const journey = this.journey(id);
    return this.unchanged.has(id) ? journey : undefined;
  }

  private member(member: number): number {
    const count = this.parts.memberCount;
    if (!Number.isInteger(member) || member < 0 || member >= count)
      throw new SnapshotMismatch(`no member ${member}`);
    return member;
  }

  private tablesOf(member: number): RestoredTables {
    const tables = this.tables.get(this.member(member));
    if (tables === undefined)
      throw new SnapshotMismatch(`no state for member ${member}`);
    return tables;
  }
}

/** The item at a saved place in a member's table: null if it is gone. */
function itemAt<T>(items: readonly (T | null)[], place: number): T | null {
  const item = items[place];
  if (item === undefined) throw new SnapshotMismatch(`no item ${place}`);
  return item;
}

/** The items that carry over, as a list of the engine's own. */
function present<T>(items: readonly (T | null)[]): T[] {
  const kept = items.filter((item): item is T => item !== null);
  return kept.length === 0 ? nothing() : kept;
}
