/*
 * Shipped with the generated trigger code (as runner/trigger-state.ts): the
 * store that lets a run continue where the last one stopped.
 *
 * The engine's state (journey instances, waits, offers, cap windows) is
 * made of closures and references that do not serialise. So the store
 * keeps what went in instead: for every run, its days, the members that
 * were new or changed, and the events. A continuing run first replays the
 * earlier runs, with their decisions muted, which rebuilds exactly the
 * engine state an uninterrupted run would have: the engine is
 * deterministic. The price is that a continuation costs as much as the
 * whole history; start a new state to drop it.
 *
 * On disk a state is JSON lines, one record a line, so that a state of
 * millions of members never has to be one string (V8 strings end near
 * 512 MB): a header, then for each run a `run` line followed by its
 * `member` and `event` lines.
 */

/** The `format` of a state file. */
export const triggerStateFormat = 'slinga-trigger-state';

/** The version of the file's layout; raised when it changes. */
export const triggerStateVersion = 1;

/** A state: every run so far, for the program named. */
export interface TriggerState {
  readonly format: typeof triggerStateFormat;
  readonly version: typeof triggerStateVersion;
  /** The fingerprint of the program that made it (see fingerprint.ts). */
  readonly program: string;
  readonly runs: readonly TriggerRun[];
}

/** One run: its local days and what it added. */
export interface TriggerRun {
  /** The first local day, `YYYY-MM-DD`. */
  readonly from: string;
  readonly days: number;
  /** Members new or changed since the run before, in runtime form. */
  readonly members: readonly Record<string, unknown>[];
  /** The events it added, in runtime form and input order. */
  readonly events: readonly StoredEvent[];
}

/** An event for the member with id `member`. */
export interface StoredEvent {
  readonly member: string;
  /** The payload plus `at` (epoch milliseconds) and `type`. */
  readonly event: Record<string, unknown>;
}

/** A state with no history, for a program. */
export function emptyTriggerState(program: string): TriggerState {
  return {
    format: triggerStateFormat,
    version: triggerStateVersion,
    program,
    runs: [],
  };
}

/** The lines of a state file, each without its line break. */
export function* stateLines(state: TriggerState): Generator<string> {
  const { format, version, program } = state;
  yield JSON.stringify({ format, version, program });
  for (const run of state.runs) {
    yield JSON.stringify({ run: { from: run.from, days: run.days } });
    for (const member of run.members) yield JSON.stringify({ member });
    for (const event of run.events) yield JSON.stringify({ event });
  }
}

/** A state read back, or why it cannot be used with this program. */
export type ReadState =
  { readonly state: TriggerState } | { readonly problem: string };

/**
 * Reads a state file line by line: give it every line, then ask for the
 * state. The first problem stops it.
 */
export class TriggerStateReader {
  private readonly runs: {
    from: string;
    days: number;
    members: Record<string, unknown>[];
    events: StoredEvent[];
  }[] = [];
  private lineNumber = 0;
  private problem: string | undefined;

  constructor(private readonly program: string) {}

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
    return { state: { ...emptyTriggerState(this.program), runs: this.runs } };
  }

  private readHeader(header: unknown): string | undefined {
    if (!isRecord(header) || header['format'] !== triggerStateFormat) {
      return 'the state file is no Slinga trigger state';
    }
    if (header['version'] !== triggerStateVersion) {
      return `the state file has version ${String(header['version'])}, not ${triggerStateVersion}`;
    }
    if (header['program'] !== this.program) {
      return (
        'the state file was made by other journeys; replaying it would ' +
        'decide its history anew, so start a new state'
      );
    }
    return undefined;
  }

  private readRecord(record: unknown): string | undefined {
    const run = this.runs.at(-1);
    if (isRecord(record) && isRun(record['run'])) {
      const { from, days } = record['run'];
      this.runs.push({ from, days, members: [], events: [] });
    } else if (
      isRecord(record) &&
      isRecord(record['member']) &&
      run !== undefined
    ) {
      run.members.push(record['member']);
    } else if (
      isRecord(record) &&
      isStoredEvent(record['event']) &&
      run !== undefined
    ) {
      run.events.push(record['event']);
    } else {
      return `line ${this.lineNumber} is no run, member or event of a run`;
    }
    return undefined;
  }
}

/** Reads a whole state file held in a string. */
export function readTriggerState(text: string, program: string): ReadState {
  const reader = new TriggerStateReader(program);
  for (const line of text.split('\n')) reader.read(line);
  return reader.finish();
}

function isRun(value: unknown): value is { from: string; days: number } {
  return (
    isRecord(value) &&
    typeof value['from'] === 'string' &&
    Number.isInteger(value['days'])
  );
}

function isStoredEvent(value: unknown): value is StoredEvent {
  return (
    isRecord(value) &&
    typeof value['member'] === 'string' &&
    isRecord(value['event'])
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
