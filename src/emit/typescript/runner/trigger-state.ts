import type { EngineSnapshot } from '../../../runtime/engine-snapshot.js';

/*
 * Shipped with the generated trigger code (as runner/trigger-state.ts): the
 * store that lets a run continue where the last one stopped.
 *
 * A state is what the engine holds between two days: every member as the
 * journeys changed it, with a hash of its last input line (to spot changed
 * lines), and the engine's journey instances, waits, offers, cap windows
 * and tasks due later (runtime/engine-snapshot.ts). A continuing run takes
 * it up and goes on, deciding exactly what one uninterrupted run would:
 * the engine is deterministic. It costs what the members and their state
 * cost, however long the history.
 *
 * On disk a state is JSON lines, one record a line, so that a state of
 * millions of members never has to be one string (V8 strings end near
 * 512 MB): a header, a `member` line for each member in order, then an
 * `engine` line with the clock and segments, and a `state` line for each
 * member with journey state and a `task` line for each task.
 */

/** The `format` of a state file. */
export const triggerStateFormat = 'slinga-trigger-state';

/** The version of the file's layout; raised when it changes. */
export const triggerStateVersion = 2;

/** A state: where the runs so far stopped, for the program named. */
export interface TriggerState {
  readonly format: typeof triggerStateFormat;
  readonly version: typeof triggerStateVersion;
  /** The fingerprint of the program that made it (see fingerprint.ts). */
  readonly program: string;
  /** The local day the next run starts on, `YYYY-MM-DD`; null before any run. */
  readonly next: string | null;
  /** Every member so far, in the engine's order. */
  readonly members: readonly SavedMember[];
  /** The engine between two days; null before any run. */
  readonly engine: EngineSnapshot | null;
}

/** A member as the journeys left it, and a hash of its last input line. */
export interface SavedMember {
  /** The member in runtime form. */
  readonly record: Record<string, unknown>;
  readonly input: number;
}

/** A state before any run, for a program. */
export function emptyTriggerState(program: string): TriggerState {
  return {
    format: triggerStateFormat,
    version: triggerStateVersion,
    program,
    next: null,
    members: [],
    engine: null,
  };
}

/** The lines of a state file, each without its line break. */
export function* stateLines(state: TriggerState): Generator<string> {
  const { format, version, program, next } = state;
  yield JSON.stringify({ format, version, program, next });
  for (const { record, input } of state.members)
    yield JSON.stringify({ member: record, input });
  if (state.engine === null) return;
  const { members, tasks, ...engine } = state.engine;
  yield JSON.stringify({ engine });
  for (const member of members) yield JSON.stringify({ state: member });
  for (const task of tasks) yield JSON.stringify({ task });
}

/** A state read back, or why it cannot be read. */
export type ReadState =
  { readonly state: TriggerState } | { readonly problem: string };

/**
 * Reads a state file line by line: give it every line, then ask for the
 * state. The first problem stops it. Lines are checked for their shape;
 * what they name is checked when the engine takes the state up.
 */
export class TriggerStateReader {
  private next: string | null = null;
  private readonly members: SavedMember[] = [];
  private engine: Omit<EngineSnapshot, 'members' | 'tasks'> | undefined;
  private readonly states: EngineSnapshot['members'][number][] = [];
  private readonly tasks: EngineSnapshot['tasks'][number][] = [];
  private lineNumber = 0;
  private problem: string | undefined;

  private program = '';

  /** Reads the next line; blank lines are skipped. */
  read(line: string): void {
    if (this.problem !== undefined || line.trim() === '') return;
    this.lineNumber++;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      this.problem = `line ${this.lineNumber} is not JSON`;
      return;
    }
    this.problem =
      this.lineNumber === 1 ? this.readHeader(parsed) : this.readRecord(parsed);
  }

  /** The state, once every line is read. */
  finish(): ReadState {
    if (this.problem !== undefined) return { problem: this.problem };
    if (this.lineNumber === 0) return { problem: 'the state file is empty' };
    const engine =
      this.engine === undefined
        ? null
        : { ...this.engine, members: this.states, tasks: this.tasks };
    if ((engine === null) !== (this.next === null))
      return { problem: 'the state file has no engine line' };
    return {
      state: {
        ...emptyTriggerState(this.program),
        next: this.next,
        members: this.members,
        engine,
      },
    };
  }

  private readHeader(header: unknown): string | undefined {
    if (!isRecord(header) || header['format'] !== triggerStateFormat) {
      return 'the state file is no Slinga trigger state';
    }
    if (header['version'] !== triggerStateVersion) {
      return `the state file has version ${String(header['version'])}, not ${triggerStateVersion}`;
    }
    const program = header['program'];
    if (typeof program !== 'string') return 'the state file names no program';
    this.program = program;
    const next = header['next'];
    if (next !== null && typeof next !== 'string')
      return 'the state file names no next day';
    this.next = next;
    return undefined;
  }

  private readRecord(record: unknown): string | undefined {
    if (!isRecord(record)) return this.unexpected();
    const { member, input, engine, state, task } = record;
    if (isRecord(member) && typeof input === 'number') {
      if (this.engine !== undefined) return this.unexpected();
      this.members.push({ record: member, input });
    } else if (isEngine(engine) && this.engine === undefined) {
      this.engine = engine;
    } else if (isRecord(state) && this.engine !== undefined) {
      this.states.push(state as unknown as EngineSnapshot['members'][number]);
    } else if (isRecord(task) && this.engine !== undefined) {
      this.tasks.push(task as unknown as EngineSnapshot['tasks'][number]);
    } else {
      return this.unexpected();
    }
    return undefined;
  }

  private unexpected(): string {
    return `line ${this.lineNumber} is no member, engine, state or task line in its place`;
  }
}

/** Reads a whole state file held in a string. */
export function readTriggerState(text: string): ReadState {
  const reader = new TriggerStateReader();
  for (const line of text.split('\n')) reader.read(line);
  return reader.finish();
}

function isEngine(
  value: unknown,
): value is Omit<EngineSnapshot, 'members' | 'tasks'> {
  return (
    isRecord(value) &&
    typeof value['now'] === 'number' &&
    typeof value['seq'] === 'number' &&
    Array.isArray(value['journeys']) &&
    Array.isArray(value['segments'])
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
