import { checkWorkspace } from '../src/checking/check-workspace.js';
import { emitTypeScript } from '../src/emit/typescript/emit-typescript.js';
import {
  emptyTriggerState,
  stateLines,
  TriggerStateReader,
} from '../src/emit/typescript/runner/trigger-state.js';
import { JourneyEngine } from '../src/runtime/engine.js';
import type { SendRecord } from '../src/runtime/engine-types.js';
import type { Program } from '../src/runtime/program.js';
import type { Workspace } from '../src/workspace/workspace.js';
import { stableHash } from '../src/runtime/stable-hash.js';
import { formatDate, parseDate } from '../src/runtime/values.js';
import { buildProgram } from '../src/simulation/build-program.js';
import { loadEmitted } from './emit.js';
import { timed } from './timed.js';
import { generateBase, type GeneratedBase } from './generated-base.js';

/*
 * The trigger code's state file: what saving the engine after a day,
 * writing and reading its lines, and taking it up again cost, for a
 * generated base (200,000 members; set BENCH_STATE_MEMBERS for another
 * size). The engine is src/runtime, which the emitted code copies byte for
 * byte. The day after the restore must decide what one engine running both
 * days decides; the bench says so, or fails.
 */

const members = Number(process.env['BENCH_STATE_MEMBERS'] ?? 200_000);
const startDay = parseDate('2025-05-01') ?? 0;

export async function benchTriggerState(): Promise<string> {
  const checked = await checkWorkspace('.');
  const workspace = checked.workspace;
  if (workspace === undefined) return 'the bundled workspace does not check';
  const program = buildProgram(workspace);
  const base = generateBase(workspace, program, {
    count: members,
    seed: 11,
    startDay,
    days: 2,
  });

  const straight = new Decisions();
  const engine = new JourneyEngine(
    program,
    structuredClone(base.members),
    straight,
  );
  runDays(engine, program, base, [0, 1]);

  const split = new Decisions();
  const first = new JourneyEngine(
    program,
    structuredClone(base.members),
    split,
  );
  runDays(first, program, base, [0]);
  const saved = timed(() => first.save());
  const state = {
    ...emptyTriggerState('bench'),
    next: formatDate(startDay + 1),
    members: first.members.map((record) => ({ record, input: 0 })),
    engine: saved.result,
  };
  // Line by line, as the runner writes and reads its file: a state of
  // millions of members is more than one string can hold.
  const written = timed(() => [...stateLines(state)]);
  const read = timed(() => {
    const reader = new TriggerStateReader();
    for (const line of written.result) reader.read(line);
    return reader.finish();
  });
  if ('problem' in read.result)
    return `the state does not read back: ${read.result.problem}`;
  const readState = read.result.state;
  const second = new JourneyEngine(
    program,
    readState.members.map(({ record }) => record),
    split,
  );
  const savedEngine = readState.engine;
  if (savedEngine === null) return 'the state has no engine';
  const restored = timed(() => second.restore(savedEngine));
  if ('problem' in restored.result)
    return `the state does not fit: ${restored.result.problem}`;
  runDays(second, program, base, [1]);

  const same = straight.hash === split.hash && straight.count === split.count;
  const bytes = written.result.reduce((sum, line) => sum + line.length + 1, 0);
  const megabytes = (bytes / 1_048_576).toFixed(0);
  const runner = await runnerDays(workspace, base, straight.count);
  return [
    `${members.toLocaleString('en')} members, the state after one day: ${megabytes} MiB in ${written.result.length.toLocaleString('en')} lines`,
    `save ${saved.ms.toFixed(0)} ms, write the lines ${written.ms.toFixed(0)} ms, read them ${read.ms.toFixed(0)} ms, take the state up ${restored.ms.toFixed(0)} ms`,
    same
      ? `the day after the restore decides what one run of both days does (${split.count.toLocaleString('en')} decisions)`
      : `FAILED: the restored run decided differently (${split.count} against ${straight.count} decisions)`,
    runner,
  ].join('\n');
}

/**
 * The emitted runner as a team runs it each day: given every member again
 * and the day's events, continuing the state the day before saved (written
 * to lines and read back). Members are given in runtime form, which the
 * runner takes as it is.
 */
async function runnerDays(
  workspace: Workspace,
  base: GeneratedBase,
  expected: number,
): Promise<string> {
  const { runTriggers } = await loadEmitted(emitTypeScript(workspace));
  const ids = base.members.map((member) => String(member['id']));
  const eventsOf = (offset: number) =>
    (base.days[offset] ?? []).map(({ memberIndex, event }) => {
      const { at, type, ...payload } = event;
      return { member: ids[memberIndex], type, at, payload };
    });
  let decisions = 0;
  const onSend = (): void => {
    decisions++;
  };
  const first = timed(() =>
    runTriggers({
      members: base.members,
      events: eventsOf(0),
      from: formatDate(startDay),
      days: 1,
      onSend,
    }),
  );
  const reader = new TriggerStateReader();
  for (const line of stateLines(first.result.state)) reader.read(line);
  const read = reader.finish();
  if ('problem' in read)
    return `the runner's state does not read back: ${read.problem}`;
  const next = timed(() =>
    runTriggers({
      members: base.members,
      events: eventsOf(1),
      days: 1,
      state: read.state,
      onSend,
    }),
  );
  const problems = [...first.result.problems, ...next.result.problems];
  if (problems.length > 0)
    return `the runner left input out: ${JSON.stringify(problems[0])}`;
  return [
    `the runner, given every member each day: the first day ${seconds(first.ms)}, the next from the saved state ${seconds(next.ms)} (${next.result.counts.members.toLocaleString('en')} new or changed members)`,
    decisions === expected
      ? `  it decides what the engine decides (${decisions.toLocaleString('en')} decisions)`
      : `  FAILED: the runner decided ${decisions} times, the engine ${expected}`,
  ].join('\n');
}

function seconds(ms: number): string {
  return `${(ms / 1_000).toFixed(1)} s`;
}

/** Runs the given days (offsets from the start) with their events. */
function runDays(
  engine: JourneyEngine,
  program: Program,
  base: GeneratedBase,
  offsets: readonly number[],
): void {
  for (const offset of offsets) {
    for (const { memberIndex, event } of base.days[offset] ?? [])
      engine.addEvent(memberIndex, structuredClone(event));
    const day = startDay + offset;
    engine.planDay(day);
    engine.runUntil(program.timeZone.toEpoch(day + 1, 0));
  }
}

/** Counts decisions and hashes them in order, to compare two runs. */
class Decisions {
  count = 0;
  hash = 0;

  onSend(record: SendRecord): void {
    this.count++;
    this.hash = stableHash(`${this.hash}|${JSON.stringify(record)}`);
  }
}
