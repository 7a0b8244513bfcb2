import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
} from 'node:worker_threads';
import { startWorker } from '../support/start-worker.js';
import type { MjmlError } from './mjml-library.js';

/*
 * MJML in a worker thread. Loading MJML (it brings juice, cheerio, htmlnano
 * and cssnano) and rendering a workspace's emails are most of the work of
 * building its templates, and none of it needs the rest of the build. In a
 * thread of its own it runs beside the YAML checks and the trigger package,
 * on another processor core, and the thread that builds never loads MJML.
 *
 * The checker is synchronous, so its requests (the ending tags, a
 * validation) wait on a shared flag for the reply: the worker answers them
 * in order with the renders, which are asynchronous. When the worker cannot
 * start or stops, the work is done on the calling thread instead, with the
 * same results.
 */

/** What the worker is given. */
export interface MjmlThreadData {
  /** One Int32: 1 when a synchronous reply waits on the reply port. */
  readonly signal: SharedArrayBuffer;
  readonly replies: MessagePort;
}

/** A request to the worker; renders carry an id, the others are synchronous. */
export type MjmlRequest =
  | { readonly kind: 'ending-tags' }
  | { readonly kind: 'validate'; readonly source: string }
  | { readonly kind: 'render'; readonly source: string };

/** The worker's answer: a value, or what was thrown, as data. */
export type MjmlReply =
  | { readonly value: unknown; readonly error?: undefined }
  | {
      readonly error: {
        readonly message: string;
        /** MJML's validation errors, when it threw for them. */
        readonly errors: unknown[] | undefined;
      };
    };

/** MJML's functions as they run on this thread, for when the worker cannot. */
export interface MjmlFunctions {
  endingTags(): ReadonlySet<string>;
  validate(source: string): MjmlError[];
  render(source: string): Promise<string>;
}

/**
 * How long a synchronous request may wait before the work is done here:
 * long enough for a busy machine to load MJML, short enough to notice a
 * worker that died while this thread waited (its exit is only seen after).
 */
const synchronousTimeout = 30_000;

/** How long an unused thread is kept, for the next build in this process. */
const lingerMilliseconds = 2_000;

/** The MJML worker and its requests in flight. */
class MjmlThread {
  private readonly worker: Worker;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private readonly replies: MessagePort;
  private readonly pending = new Map<
    number,
    {
      readonly source: string;
      readonly resolve: (html: string) => void;
      readonly reject: (error: Error) => void;
    }
  >();
  private nextId = 1;
  private tags: ReadonlySet<string> | undefined;
  /** Set when the worker failed: from then on, everything runs here. */
  private stopped = false;

  constructor(private readonly here: MjmlFunctions) {
    const channel = new MessageChannel();
    this.replies = channel.port1;
    const data: MjmlThreadData = {
      signal: this.flag.buffer,
      replies: channel.port2,
    };
    this.worker = startWorker(import.meta.url, 'mjml-worker', {
      workerData: data,
      transferList: [channel.port2],
    });
    this.worker.on('message', (reply: MjmlReply & { id: number }) =>
      this.settle(reply),
    );
    this.worker.on('error', () => this.stop());
    this.worker.on('exit', () => this.stop());
    // An idle worker must not keep the process alive; renders in flight do.
    // After the listeners: listening for messages refs the worker again.
    this.worker.unref();
  }

  endingTags(): ReadonlySet<string> {
    if (this.tags !== undefined) return this.tags;
    const tags = this.ask({ kind: 'ending-tags' }) as string[] | undefined;
    this.tags = tags === undefined ? this.here.endingTags() : new Set(tags);
    return this.tags;
  }

  validate(source: string): MjmlError[] {
    const errors = this.ask({ kind: 'validate', source });
    return errors === undefined
      ? this.here.validate(source)
      : (errors as MjmlError[]);
  }

  render(source: string): Promise<string> {
    if (this.stopped) return this.here.render(source);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { source, resolve, reject });
      if (this.pending.size === 1) this.worker.ref();
      this.worker.postMessage({ kind: 'render', source, id });
    });
  }

  async close(): Promise<void> {
    this.stop();
    await this.worker.terminate();
  }

  /**
   * Sends a synchronous request and waits for its answer; undefined when
   * the worker is gone or does not answer in time. Rethrows what the work
   * threw, as MJML would have thrown it here.
   */
  private ask(request: MjmlRequest): unknown {
    if (this.stopped) return undefined;
    Atomics.store(this.flag, 0, 0);
    this.worker.postMessage(request);
    if (Atomics.wait(this.flag, 0, 0, synchronousTimeout) === 'timed-out') {
      this.stop();
      return undefined;
    }
    const reply = receiveMessageOnPort(this.replies)?.message as
      MjmlReply | undefined;
    if (reply === undefined) return undefined;
    if (reply.error !== undefined) throw thrown(reply.error);
    return reply.value;
  }

  private settle(reply: MjmlReply & { id: number }): void {
    const request = this.pending.get(reply.id);
    if (request === undefined) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if (reply.error === undefined) request.resolve(String(reply.value));
    else request.reject(thrown(reply.error));
  }

  /** From now on, works here; renders in flight are done here too. */
  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    const requests = [...this.pending.values()];
    this.pending.clear();
    for (const { source, resolve, reject } of requests)
      this.here.render(source).then(resolve, reject);
  }
}

/** An error as MJML throws it: a message, and its validation errors. */
function thrown(error: {
  message: string;
  errors: unknown[] | undefined;
}): Error {
  const found = new Error(error.message);
  return error.errors === undefined
    ? found
    : Object.assign(found, { errors: error.errors });
}

/** The thread, while someone holds it or for a while after. */
let running:
  | {
      readonly thread: MjmlThread;
      holders: number;
      linger: NodeJS.Timeout | undefined;
    }
  | undefined;

/** The MJML thread, when one runs: MJML work goes there. */
export function runningMjmlThread(): MjmlThread | undefined {
  return running?.thread;
}

/**
 * Runs MJML in a worker thread until the returned function is called (by
 * every holder). The thread starts at once, so that it has loaded MJML by
 * the time the first template is checked. A released thread lingers a
 * moment for the next build of the same process.
 */
export function holdMjmlThread(here: MjmlFunctions): () => void {
  if (running === undefined) {
    let thread: MjmlThread;
    try {
      thread = new MjmlThread(here);
    } catch {
      // No worker threads here: MJML runs on this thread, as without one.
      return () => undefined;
    }
    running = { thread, holders: 0, linger: undefined };
  }
  const held = running;
  held.holders += 1;
  clearTimeout(held.linger);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    held.holders -= 1;
    if (held.holders > 0) return;
    held.linger = setTimeout(() => {
      if (running === held) running = undefined;
      void held.thread.close();
    }, lingerMilliseconds);
    held.linger.unref();
  };
}
