import { spawn, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  parsePopulationJson,
  type PopulationSummary,
} from './population-summary.js';

/** What population the preview simulates. */
export interface PopulationSettings {
  readonly members: number;
  readonly days: number;
  readonly seed: number;
  /** The first simulated day, YYYY-MM-DD. */
  readonly start: string;
}

/**
 * A small run: enough members for a stable histogram, one whole week from
 * a Monday, a fixed seed, so that the same workspace gives the same chart.
 */
export const defaultPopulationSettings: PopulationSettings = {
  members: 20_000,
  days: 7,
  seed: 1,
  start: '2025-03-03',
};

/** A finished population run. */
export interface PopulationRun {
  /** The build it ran after. */
  readonly version: number;
  readonly summary: PopulationSummary;
  readonly milliseconds: number;
}

/** Where the background population run is. */
export interface PopulationState {
  /** `off`: disabled; `waiting`: for a build without errors. */
  readonly status: 'off' | 'waiting' | 'running' | 'done' | 'failed';
  readonly settings: PopulationSettings;
  /** The last finished run; still shown while a newer one runs. */
  readonly last: PopulationRun | undefined;
  /** Why the latest run failed. */
  readonly error: string | undefined;
}

/** The most of a run's output kept: the JSON report is a few kilobytes. */
const maxOutputBytes = 16 * 2 ** 20;

/**
 * Runs the population simulation in the background after good builds, as
 * a child process of `slinga simulate --format json`: a run takes seconds
 * of processor time, which would stall the preview server in this process.
 * A newer build stops the run in progress and starts again after a short
 * delay, so a burst of saves costs one run.
 */
export class PopulationRunner {
  private current: PopulationState;
  private timer: NodeJS.Timeout | undefined;
  private child: ChildProcess | undefined;
  private waiting: (() => void)[] = [];

  constructor(
    private readonly root: string,
    readonly settings: PopulationSettings,
    private readonly onChange: (state: PopulationState) => void,
    private readonly delayMilliseconds = 1000,
  ) {
    this.current = {
      status: 'waiting',
      settings,
      last: undefined,
      error: undefined,
    };
  }

  /** The state now. */
  state(): PopulationState {
    return this.current;
  }

  /** Runs again, after the delay, for the build of this version. */
  schedule(version: number): void {
    this.stopChild();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.start(version), this.delayMilliseconds);
    this.update({ status: 'running', error: undefined });
  }

  /** Resolves when no run is scheduled or running. */
  idle(): Promise<void> {
    if (this.timer === undefined && this.child === undefined)
      return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Stops any run; the runner does nothing after. */
  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.stopChild();
    this.wake();
  }

  private start(version: number): void {
    this.timer = undefined;
    const began = performance.now();
    const child = spawnSimulate(this.root, this.settings);
    this.child = child;
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes <= maxOutputBytes) stdout.push(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4096);
    });
    child.on('error', (error) => this.finish(child, undefined, error.message));
    child.on('close', (code) => {
      const summary =
        code === 0
          ? parsePopulationJson(Buffer.concat(stdout).toString('utf8'))
          : undefined;
      const run =
        summary === undefined
          ? undefined
          : { version, summary, milliseconds: performance.now() - began };
      this.finish(child, run, lastLine(stderr) ?? `exit code ${code}`);
    });
  }

  private finish(
    child: ChildProcess,
    run: PopulationRun | undefined,
    error: string,
  ): void {
    if (this.child !== child) return;
    this.child = undefined;
    if (run === undefined) this.update({ status: 'failed', error });
    else this.update({ status: 'done', last: run, error: undefined });
    if (this.timer === undefined) this.wake();
  }

  private stopChild(): void {
    const child = this.child;
    this.child = undefined;
    if (child !== undefined && child.exitCode === null) child.kill('SIGTERM');
  }

  private update(change: Partial<PopulationState>): void {
    this.current = { ...this.current, ...change };
    this.onChange(this.current);
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }
}

/**
 * Starts this program's own CLI: the compiled one next to this module, or,
 * when running from the TypeScript sources (tests, `tsx`), the source one
 * through tsx. The package folder is the working directory, where tsx is
 * found; the workspace is given as an absolute path.
 */
function spawnSimulate(
  root: string,
  settings: PopulationSettings,
): ChildProcess {
  const fromSource = import.meta.url.endsWith('.ts');
  const main = fileURLToPath(
    new URL(`../cli/main.${fromSource ? 'ts' : 'js'}`, import.meta.url),
  );
  const packageFolder = fileURLToPath(new URL('../..', import.meta.url));
  const child = spawn(
    process.execPath,
    [
      ...(fromSource ? ['--import', 'tsx'] : []),
      main,
      'simulate',
      path.resolve(root),
      ...['--members', String(settings.members)],
      ...['--days', String(settings.days)],
      ...['--seed', String(settings.seed)],
      ...['--start', settings.start],
      ...['--format', 'json', '--deterministic'],
    ],
    {
      cwd: packageFolder,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    },
  );
  // The preview must stay responsive on a small machine.
  if (child.pid !== undefined) {
    try {
      setPriority(child.pid, 10);
    } catch {
      // Not allowed here: the run takes its normal share.
    }
  }
  return child;
}

function lastLine(text: string): string | undefined {
  const lines = text
    .split(/[\r\n]+/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  return lines.at(-1);
}
