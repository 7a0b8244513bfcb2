import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BuildSession, type BuildResult } from '../src/emit/build-session.js';
import { writeOutput } from '../src/emit/output/write-output.js';

/** Fresh processes for the cold build, and template and YAML edits in each. */
const processes = 5;
const edits = 5;
const yamlEdits = 2;

/** One timed build: wall and processor milliseconds, and what it did. */
interface Timing {
  readonly wall: number;
  readonly cpu: number;
  readonly what: string;
}

/** What one process measured. */
interface ProcessTimings {
  readonly cold: Timing;
  readonly rebuilds: readonly Timing[];
  readonly yamlRebuilds: readonly Timing[];
  readonly newSession: Timing;
}

/**
 * Times `slinga build` of the bundled workspace, a build being
 * BuildSession.build plus writeOutput (check, compile, emit, write).
 *
 * - cold: the first build in a fresh Node process, its modules imported
 *   but nothing run yet (MJML loads on first use and counts), into an empty
 *   output folder: what `slinga build` does, less Node's start-up. Each
 *   process is a sample.
 * - rebuild: after that build, templates/winback.mjml gets a new line of
 *   text, and the same session builds again: what an editor integration or
 *   a test run that keeps a session gets.
 * - rebuild after a YAML edit: a line added to a fixture file, which checks
 *   the whole workspace again (other YAML files are not parsed again) and
 *   emits the trigger package again.
 * - new session: a second session in that (warm) process, after one more
 *   edit, which finds the first session's build in the output folder (its
 *   .slinga-cache.json): the on-disk cache of a second `slinga build`, less
 *   the start-up of its process.
 *
 * Wall time and processor time (user + system, all threads) are given: on a
 * shared machine other load adds wall time, so the best counts.
 */
export async function benchBuild(): Promise<string> {
  const measured: ProcessTimings[] = [];
  for (let run = 0; run < processes; run++)
    measured.push(await inChildProcess());
  const cold = measured.map((timings) => timings.cold);
  const rebuilds = measured.flatMap((timings) => timings.rebuilds);
  const yaml = measured.flatMap((timings) => timings.yamlRebuilds);
  const sessions = measured.map((timings) => timings.newSession);
  return [
    `cold build, bundled workspace, ${cold.length} fresh processes: ${summary(cold)} (goal < 3000 ms)`,
    `  ${cold[0]?.what ?? ''}`,
    `rebuild in the same session after editing templates/winback.mjml, ${rebuilds.length} edits: ${summary(rebuilds)} (goal < 200 ms)`,
    `  ${rebuilds[0]?.what ?? ''}`,
    `rebuild in the same session after editing a YAML file, ${yaml.length} edits: ${summary(yaml)}`,
    `  ${yaml[0]?.what ?? ''}`,
    `new session in a warm process after an edit, from the output folder's cache, ${sessions.length} runs: ${summary(sessions)}`,
    `  ${sessions[0]?.what ?? ''}`,
  ].join('\n');
}

/** Runs this file as a script in a new Node process, with the same loader. */
function inChildProcess(): Promise<ProcessTimings> {
  const script = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(output) as ProcessTimings);
      else reject(new Error(`the build bench process exited with ${code}`));
    });
  });
}

/** The measurements of one process: a cold build, rebuilds, a new session. */
async function measureInThisProcess(): Promise<ProcessTimings> {
  const folder = await mkdtemp(path.join(tmpdir(), 'slinga-bench-build-'));
  try {
    await cp('journeys', path.join(folder, 'journeys'), { recursive: true });
    await cp('templates', path.join(folder, 'templates'), { recursive: true });
    const out = path.join(folder, 'dist');
    const session = new BuildSession(folder, out);
    const build = (from: BuildSession) => timedBuild(from, out);
    const cold = await build(session);
    const rebuilds: Timing[] = [];
    for (let edit = 1; edit <= edits; edit++) {
      await editTemplate(folder, edit);
      rebuilds.push(await build(session));
    }
    const yamlRebuilds: Timing[] = [];
    for (let edit = 1; edit <= yamlEdits; edit++) {
      await editYaml(folder, edit);
      yamlRebuilds.push(await build(session));
    }
    session.close();
    await editTemplate(folder, edits + 1);
    const fresh = new BuildSession(folder, out);
    const newSession = await build(fresh);
    fresh.close();
    return { cold, rebuilds, yamlRebuilds, newSession };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Adds a numbered line of text to the winback email. */
async function editTemplate(folder: string, edit: number): Promise<void> {
  const file = path.join(folder, 'templates', 'winback.mjml');
  const text = await readFile(file, 'utf8');
  const line = `<mj-section><mj-column><mj-text>Ny rad ${edit}</mj-text></mj-column></mj-section>`;
  await writeFile(file, text.replace('</mj-body>', `${line}</mj-body>`));
}

/** Adds a numbered comment line to a fixture file. */
async function editYaml(folder: string, edit: number): Promise<void> {
  const file = path.join(folder, 'journeys', 'fixtures', 'winback.yaml');
  const text = await readFile(file, 'utf8');
  await writeFile(file, `${text}\n# edit ${edit}\n`);
}

async function timedBuild(session: BuildSession, out: string): Promise<Timing> {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = await session.build();
  if (result.files.size === 0) throw new Error('the build failed');
  await writeOutput(out, result.files);
  const cpu = process.cpuUsage(cpuStart);
  return {
    wall: performance.now() - start,
    cpu: (cpu.user + cpu.system) / 1_000,
    what: describe(result),
  };
}

function describe(result: BuildResult): string {
  const check = {
    full: 'whole workspace checked',
    templates: 'changed template files checked again',
    unchanged: 'nothing to check again',
  }[result.checked];
  return (
    `${result.files.size} files written: ${check}, ` +
    `${result.compiled.length} templates compiled, ${result.reused.length} reused, ` +
    `trigger package ${result.triggers}`
  );
}

function summary(timings: readonly Timing[]): string {
  const sorted = (values: number[]): number[] => values.sort((a, b) => a - b);
  const wall = sorted(timings.map((timing) => timing.wall));
  const cpu = sorted(timings.map((timing) => timing.cpu));
  const middle = Math.floor(timings.length / 2);
  const ms = (value: number | undefined): string =>
    `${(value ?? 0).toFixed(0)} ms`;
  return (
    `wall best ${ms(wall[0])}, median ${ms(wall[middle])}; ` +
    `processor best ${ms(cpu[0])}, median ${ms(cpu[middle])}`
  );
}

// Run as a script (by inChildProcess), measure and report on stdout.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(JSON.stringify(await measureInThisProcess()));
}
