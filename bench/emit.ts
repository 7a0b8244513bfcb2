import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ts } from 'ts-morph';
import { checkWorkspace } from '../src/checking/check-workspace.js';
import { emitTypeScript } from '../src/emit/typescript/emit-typescript.js';
import { JourneyEngine } from '../src/runtime/engine.js';
import type { Program } from '../src/runtime/program.js';
import { parseDate } from '../src/runtime/values.js';
import { buildProgram } from '../src/simulation/build-program.js';
import { EventGenerator } from '../src/simulation/population/generate-events.js';
import { generateMembers } from '../src/simulation/population/generate-members.js';
import type { Workspace } from '../src/workspace/workspace.js';

/*
 * The TypeScript emitter: how long emitting the bundled workspace takes,
 * and how fast the emitted code runs a day against the simulator. Both run
 * the same engine source on the same members and events, so the goal is
 * the emitted code within 1.2 times the simulator's time.
 */

const members = 200_000;
const passes = 3;
const startDay = parseDate('2025-05-01') ?? 0;
const goalRatio = 1.2;

/** The constructor of an engine: the simulator's, or the emitted one. */
type EngineClass = typeof JourneyEngine;

/** Runs the benchmark and describes the timings. */
export async function benchEmit(): Promise<string> {
  const checked = await checkWorkspace('.');
  const workspace = checked.workspace;
  if (workspace === undefined) return 'the bundled workspace does not check';

  const cold = timed(() => emitTypeScript(workspace));
  const warm = Math.min(
    ...Array.from(
      { length: 5 },
      () => timed(() => emitTypeScript(workspace)).ms,
    ),
  );
  const emitted = await loadEmitted(cold.result);
  const day = generatedDay(workspace, buildProgram(workspace));

  let simulator = Infinity;
  let generated = Infinity;
  let sends = { simulator: 0, emitted: 0 };
  for (let pass = 0; pass < passes; pass++) {
    const fromSimulator = runDay(JourneyEngine, buildProgram(workspace), day);
    const fromEmitted = runDay(emitted.engine, emitted.program, day);
    simulator = Math.min(simulator, fromSimulator.ms);
    generated = Math.min(generated, fromEmitted.ms);
    sends = { simulator: fromSimulator.sends, emitted: fromEmitted.sends };
  }

  const ratio = generated / simulator;
  const files = cold.result.size;
  return [
    `emit, bundled workspace (${files} files): ${cold.ms.toFixed(0)} ms the first time in a process, ${warm.toFixed(0)} ms after`,
    `one day of ${members.toLocaleString('en')} generated members, ${day.events.length.toLocaleString('en')} events (best of ${passes}):`,
    `  simulator (buildProgram, src/runtime): ${simulator.toFixed(0)} ms, ${sends.simulator} send decisions`,
    `  emitted code (program.ts, runtime/): ${generated.toFixed(0)} ms, ${sends.emitted} send decisions`,
    `goal: emitted within ${goalRatio}x the simulator: ${ratio <= goalRatio ? 'met' : 'missed'} (${ratio.toFixed(2)}x)`,
  ].join('\n');
}

/** A day's input: the members and their events, made once. */
interface Day {
  readonly members: readonly Record<string, unknown>[];
  readonly events: readonly {
    readonly memberIndex: number;
    readonly event: Record<string, unknown>;
  }[];
}

function generatedDay(workspace: Workspace, program: Program): Day {
  const timeZone = program.timeZone;
  const base = generateMembers(workspace.model, {
    count: members,
    seed: 11,
    startDay,
    timeZone,
  });
  const generator = new EventGenerator(workspace.model, base, {
    seed: 11,
    startDay,
    timeZone,
  });
  const events: Day['events'][number][] = [];
  generator.generateDay(startDay, (memberIndex, event) =>
    events.push({ memberIndex, event }),
  );
  return { members: base, events };
}

/** Runs one day on fresh copies of the members; times the engine only. */
function runDay(
  Engine: EngineClass,
  program: Program,
  day: Day,
): { ms: number; sends: number } {
  const copies = structuredClone(day.members) as Record<string, unknown>[];
  const events = structuredClone(day.events);
  let sends = 0;
  const { ms } = timed(() => {
    const engine = new Engine(program, copies, { onSend: () => sends++ });
    for (const { memberIndex, event } of events) {
      engine.addEvent(memberIndex, event);
    }
    engine.planDay(startDay);
    engine.runUntil(program.timeZone.toEpoch(startDay + 1, 0));
  });
  return { ms, sends };
}

/** The emitted code, transpiled file by file and imported. */
async function loadEmitted(
  files: ReadonlyMap<string, string>,
): Promise<{ program: Program; engine: EngineClass }> {
  const folder = await mkdtemp(path.join(tmpdir(), 'slinga-bench-emit-'));
  for (const [name, text] of files) {
    const javascript = name.endsWith('.ts')
      ? ts.transpileModule(text, {
          compilerOptions: {
            module: ts.ModuleKind.ESNext,
            target: ts.ScriptTarget.ES2023,
            verbatimModuleSyntax: true,
          },
        }).outputText
      : text;
    const target = path.join(folder, name.replace(/\.ts$/, '.js'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, javascript);
  }
  const load = async <T>(name: string): Promise<T> =>
    (await import(pathToFileURL(path.join(folder, name)).href)) as T;
  const { program } = await load<{ program: Program }>('program.js');
  const { JourneyEngine: engine } = await load<{ JourneyEngine: EngineClass }>(
    'runtime/engine.js',
  );
  return { program, engine };
}

function timed<T>(work: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = work();
  return { ms: performance.now() - start, result };
}
