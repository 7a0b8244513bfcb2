import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { access, rename } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type {
  InputProblem,
  SendLine,
  TriggerOptions,
  TriggerResult,
} from './run-triggers.js';
import {
  emptyTriggerState,
  stateLines,
  TriggerStateReader,
  type TriggerState,
} from './trigger-state.js';

/*
 * Shipped with the generated trigger code (as runner/command-line.ts): the
 * command line of main.ts. Reads NDJSON files, runs the triggers, writes one
 * NDJSON line per send decision, and keeps the state file.
 */

/** The text `--help` prints. */
export const usage = `Usage: node dist/main.js [options]

Runs the journeys day by day and writes one JSON line per send decision.

Options:
  --members FILE  members, one JSON object a line (attributes of the Model)
  --events FILE   events, one JSON object a line: {member, type, at, payload}
  --from DATE     the first local day, YYYY-MM-DD (a continued state
                  defaults to the day after its last run)
  --days N        how many days to run (default 1)
  --state FILE    the journey state: loaded when the file exists, saved
                  after the run, so the next run continues from it
  --upgrade-state take up a state saved by other journeys (after a change
                  to them): members leave the journeys that changed, and
                  entries, cap windows, offers and events carry over
  --out FILE      where to write the decisions (default standard output)
  --help          print this text

Exit codes: 0 done; 1 done, but input lines were left out; 2 nothing ran.
`;

/** Where the command writes: the decisions, and what it tells the user. */
export interface CommandStreams {
  readonly stdout: Writable;
  readonly stderr: Writable;
}

/** The generated program's side of the command. */
export interface TriggerCommand<Member> {
  readonly fingerprint: string;
  readonly run: (options: TriggerOptions<Member>) => TriggerResult;
}

/** An NDJSON file read: its values, each with its line number. */
interface ReadLines {
  readonly values: unknown[];
  readonly lines: number[];
  readonly problems: string[];
}

/** Runs the command line; returns the exit code. */
export async function runCommandLine<Member>(
  args: readonly string[],
  command: TriggerCommand<Member>,
  streams: CommandStreams,
): Promise<number> {
  const parsed = parseOptions(args);
  if (typeof parsed === 'string') {
    streams.stderr.write(`${parsed}\n\n${usage}`);
    return 2;
  }
  if (parsed.help === true) {
    streams.stdout.write(usage);
    return 0;
  }
  try {
    return await runWithFiles(parsed, command, streams);
  } catch (error) {
    streams.stderr.write(`${describeError(error)}\n`);
    return 2;
  }
}

interface ParsedOptions {
  readonly members?: string | undefined;
  readonly events?: string | undefined;
  readonly from?: string | undefined;
  readonly days?: string | undefined;
  readonly state?: string | undefined;
  readonly 'upgrade-state'?: boolean | undefined;
  readonly out?: string | undefined;
  readonly help?: boolean | undefined;
}

/** The options, or a message saying what is wrong with them. */
function parseOptions(args: readonly string[]): ParsedOptions | string {
  try {
    const { values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        members: { type: 'string' },
        events: { type: 'string' },
        from: { type: 'string' },
        days: { type: 'string' },
        state: { type: 'string' },
        'upgrade-state': { type: 'boolean' },
        out: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
    return values;
  } catch (error) {
    return describeError(error);
  }
}

async function runWithFiles<Member>(
  options: ParsedOptions,
  command: TriggerCommand<Member>,
  streams: CommandStreams,
): Promise<number> {
  const days = Number(options.days ?? '1');
  const state = await loadState(options.state, command.fingerprint);
  if (typeof state === 'string') {
    streams.stderr.write(`${options.state ?? ''}: ${state}\n`);
    return 2;
  }
  const members = await readNdjson(options.members);
  const events = await readNdjson(options.events);
  for (const problem of [...members.problems, ...events.problems]) {
    streams.stderr.write(`${problem}\n`);
  }

  const output = new LineWriter(
    options.out === undefined ? streams.stdout : createWriteStream(options.out),
  );
  const result = command.run({
    members: members.values,
    events: events.values,
    from: options.from,
    days,
    state,
    upgrade: options['upgrade-state'],
    onSend: (line) => output.write(line),
  });
  await output.close(options.out !== undefined);

  for (const problem of result.problems) {
    const file = problem.input === 'members' ? options.members : options.events;
    const lines = problem.input === 'members' ? members.lines : events.lines;
    streams.stderr.write(`${describeProblem(problem, file, lines)}\n`);
  }
  if (!result.ran) return 2;
  if (options.state !== undefined) await saveState(options.state, result.state);
  if (result.upgraded !== null)
    streams.stderr.write(
      `upgraded the state of other journeys: ${result.upgraded.ended} ` +
        'members left journeys that changed\n',
    );
  streams.stderr.write(
    `${result.from ?? ''}, ${days} day(s): ${result.counts.members} new or ` +
      `changed members, ${result.counts.events} events, ` +
      `${result.counts.sends} send decisions\n`,
  );
  const leftOut =
    members.problems.length + events.problems.length + result.problems.length;
  return leftOut > 0 ? 1 : 0;
}

/** The state in a file; a new one when there is no file; or a problem. */
async function loadState(
  file: string | undefined,
  fingerprint: string,
): Promise<TriggerState | string> {
  if (file === undefined || !(await exists(file))) {
    return emptyTriggerState(fingerprint);
  }
  const reader = new TriggerStateReader();
  for await (const line of lines(file)) reader.read(line);
  const read = reader.finish();
  return 'state' in read ? read.state : read.problem;
}

/** Writes the state beside the file, then moves it over: never half a file. */
async function saveState(file: string, state: TriggerState): Promise<void> {
  const partial = `${file}.partial`;
  const output = createWriteStream(partial);
  let chunk = '';
  for (const line of stateLines(state)) {
    chunk += `${line}\n`;
    if (chunk.length >= 65_536) {
      if (!output.write(chunk)) await once(output, 'drain');
      chunk = '';
    }
  }
  output.end(chunk);
  await finished(output);
  await rename(partial, file);
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch (error) {
    if (isMissingFile(error)) return false;
    throw error;
  }
}

/** The lines of a text file, read as a stream. */
function lines(file: string): AsyncIterable<string> {
  return createInterface({
    input: createReadStream(file, 'utf8'),
    crlfDelay: Infinity,
  });
}

/** Reads one JSON value a line, skipping blank lines. */
async function readNdjson(file: string | undefined): Promise<ReadLines> {
  const read: ReadLines = { values: [], lines: [], problems: [] };
  if (file === undefined) return read;
  let number = 0;
  for await (const line of lines(file)) {
    number++;
    if (line.trim() === '') continue;
    try {
      read.values.push(JSON.parse(line));
      read.lines.push(number);
    } catch {
      read.problems.push(`${file}:${number}: not JSON; left out`);
    }
  }
  return read;
}

function describeProblem(
  problem: InputProblem,
  file: string | undefined,
  lines: readonly number[],
): string {
  if (problem.input === 'options') return problem.message;
  const line = lines[problem.index] ?? problem.index + 1;
  const where = problem.path === '' ? '' : ` ${problem.path}:`;
  return `${file ?? problem.input}:${line}:${where} ${problem.message}; left out`;
}

/** Writes decisions as NDJSON in large chunks: one write a line is slow. */
class LineWriter {
  private chunk = '';

  constructor(private readonly stream: Writable) {}

  write(line: SendLine): void {
    this.chunk += `${JSON.stringify(line)}\n`;
    if (this.chunk.length >= 65_536) this.flush();
  }

  async close(end: boolean): Promise<void> {
    this.flush();
    if (end) {
      this.stream.end();
      await finished(this.stream);
    }
  }

  private flush(): void {
    if (this.chunk.length > 0) this.stream.write(this.chunk);
    this.chunk = '';
  }
}

function isMissingFile(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === 'ENOENT'
  );
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
