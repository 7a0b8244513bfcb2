import path from 'node:path';
import {
  defaultHost,
  startPreviewServer,
  type PreviewServer,
} from '../preview/preview-server.js';
import { previewSite } from '../preview/preview-site.js';
import type { PreviewState } from '../preview/preview-state.js';
import type { Build, FileChange } from './build.js';
import { watchWorkspace, type FileWatcher } from './file-watcher.js';
import {
  defaultPopulationSettings,
  PopulationRunner,
  type PopulationSettings,
  type PopulationState,
} from './population-runner.js';
import { RebuildQueue } from './rebuild-queue.js';
import { WorkspaceBuilder } from './workspace-builder.js';

/** How to run the preview. */
export interface WatchOptions {
  /** The workspace folder. */
  readonly root: string;
  /** Default 127.0.0.1: the preview is for this machine only. */
  readonly host?: string;
  /** Default 4173; 0 for any free port. */
  readonly port?: number;
  /** Follow file changes (default true); false builds once. */
  readonly watch?: boolean;
  /** The background population run; false turns it off. */
  readonly population?: PopulationSettings | false;
  /** Quiet time before a rebuild, default 50 ms. */
  readonly debounceMilliseconds?: number;
  /** Delay before a population run starts, default 1000 ms. */
  readonly populationDelayMilliseconds?: number;
  /** Told after every build, the first included. */
  readonly onBuild?: (build: Build) => void;
  readonly onPopulation?: (state: PopulationState) => void;
  /** Told when a rebuild or the file watcher fails. */
  readonly onError?: (error: Error) => void;
}

/** A running preview. */
export interface WatchSession {
  /** Where the preview is served, such as `http://127.0.0.1:4173`. */
  readonly url: string;
  /** The state the pages show now. */
  state(): PreviewState;
  /** Resolves when no rebuild is pending or running. */
  idle(): Promise<void>;
  /** Resolves when no population run is scheduled or running. */
  populationIdle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Builds the workspace, serves the preview, and rebuilds on every change
 * of journeys/ and templates/, pushing each build to the open pages.
 */
export async function startWatch(options: WatchOptions): Promise<WatchSession> {
  const root = path.resolve(options.root);
  const builder = new WorkspaceBuilder(root);
  const session = new Session(root, options, builder, await builder.rebuild());
  await session.start();
  return session;
}

const populationOff: PopulationState = {
  status: 'off',
  settings: defaultPopulationSettings,
  last: undefined,
  error: undefined,
};

class Session implements WatchSession {
  /** Raised on every change the pages show; pages compare it to reload. */
  private version = 1;
  /** The journeys of the last population run: it depends on nothing else. */
  private populationFor: unknown;
  private server: PreviewServer | undefined;
  private watcher: FileWatcher | undefined;
  private readonly runner: PopulationRunner | undefined;
  private readonly queue: RebuildQueue;

  constructor(
    private readonly root: string,
    private readonly options: WatchOptions,
    private readonly builder: WorkspaceBuilder,
    private build: Build,
  ) {
    const settings = options.population ?? defaultPopulationSettings;
    this.runner =
      settings === false
        ? undefined
        : new PopulationRunner(
            root,
            settings,
            (population) => this.populationChanged(population),
            options.populationDelayMilliseconds,
          );
    this.queue = new RebuildQueue(
      (changes) => this.rebuild(changes),
      options.debounceMilliseconds,
    );
  }

  get url(): string {
    return this.server?.url ?? '';
  }

  /** Serves the first build, then follows the files. */
  async start(): Promise<void> {
    this.server = await startPreviewServer({
      host: this.options.host ?? defaultHost,
      port: this.options.port ?? 4173,
      handler: previewSite(() => this.state()),
      greeting: () => [{ event: 'hello', data: { version: this.version } }],
    });
    this.options.onBuild?.(this.build);
    this.schedulePopulation();
    if (this.options.watch === false) return;
    this.watcher = await watchWorkspace(
      this.root,
      (change) => this.queue.add(change),
      (error) => this.options.onError?.(error),
    );
  }

  state(): PreviewState {
    return {
      version: this.version,
      name: path.basename(this.root),
      build: this.build,
      population: this.runner?.state() ?? populationOff,
    };
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  populationIdle(): Promise<void> {
    return this.runner?.idle() ?? Promise.resolve();
  }

  async close(): Promise<void> {
    await this.watcher?.close();
    await this.queue.close();
    this.runner?.close();
    await this.server?.close();
  }

  private async rebuild(changes: readonly FileChange[]): Promise<void> {
    try {
      this.build = await this.builder.rebuild(changes);
    } catch (error) {
      this.options.onError?.(asError(error));
      return;
    }
    this.version += 1;
    const data = { version: this.version, build: this.build.version };
    this.server?.broadcast({ event: 'build', data: { ...data, changes } });
    this.options.onBuild?.(this.build);
    this.schedulePopulation();
  }

  private populationChanged(population: PopulationState): void {
    this.version += 1;
    const data = { version: this.version };
    this.server?.broadcast({ event: 'population', data });
    this.options.onPopulation?.(population);
  }

  /**
   * Runs the population again when the build is good and comes from a new
   * check of the YAML: a template edit cannot change it.
   */
  private schedulePopulation(): void {
    const { good, version } = this.build;
    if (good?.version !== version) return;
    if (good.workspace.journeys === this.populationFor) return;
    this.populationFor = good.workspace.journeys;
    this.runner?.schedule(version);
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
