import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { get, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startWatch } from '../src/watch/index.js';

const template = 'abandoned_basket';
const saves = 9;

/**
 * Times `slinga watch` from saving a template to the updated page being
 * served, on a copy of the bundled workspace: the save, the file watcher,
 * the debounce, the rebuild (that template only), the server-sent event,
 * and fetching the page, measured in-process with an event-stream client.
 */
export async function benchWatch(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'slinga-bench-watch-'));
  await cp('journeys', path.join(folder, 'journeys'), { recursive: true });
  await cp('templates', path.join(folder, 'templates'), { recursive: true });
  const file = path.join(folder, 'templates', `${template}.mjml`);
  const original = await readFile(file, 'utf8');
  const session = await startWatch({
    root: folder,
    port: 0,
    population: false,
  });
  const events = await eventStream(`${session.url}/events`);
  try {
    const totals: number[] = [];
    const rebuilds: number[] = [];
    for (let save = 0; save < saves; save++) {
      const subject = `Bench ${save} glömde något`;
      const began = performance.now();
      await writeFile(
        file,
        original.replace(/^subject: .*$/m, `subject: "${subject}"`),
      );
      await events.next('build');
      const page = await (
        await fetch(`${session.url}/templates/${template}`)
      ).text();
      totals.push(performance.now() - began);
      rebuilds.push(session.state().build.milliseconds);
      if (!page.includes(subject)) throw new Error('the page did not change');
    }
    // The first save warms up the compiler's caches; it is not counted.
    const counted = totals.slice(1);
    return [
      `template saved → updated page served (bundled workspace, ${counted.length} saves): ` +
        `median ${median(counted).toFixed(0)} ms, slowest ${Math.max(...counted).toFixed(0)} ms (goal < 300 ms)`,
      `of which the rebuild of that template: median ${median(rebuilds.slice(1)).toFixed(0)} ms`,
    ].join('\n');
  } finally {
    events.close();
    await session.close();
    await rm(folder, { recursive: true, force: true });
  }
}

/** A minimal client of a server-sent event stream. */
async function eventStream(url: string): Promise<{
  next(event: string): Promise<void>;
  close(): void;
}> {
  const response = await new Promise<IncomingMessage>((resolve, reject) =>
    get(url, resolve).on('error', reject),
  );
  let buffer = '';
  const waiting: { event: string; resolve: () => void }[] = [];
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => {
    buffer += chunk;
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const name = /^event: (.*)$/m.exec(buffer.slice(0, end))?.[1];
      buffer = buffer.slice(end + 2);
      const index = waiting.findIndex((wait) => wait.event === name);
      if (index >= 0) waiting.splice(index, 1)[0]?.resolve();
      end = buffer.indexOf('\n\n');
    }
  });
  return {
    next: (event) => new Promise((resolve) => waiting.push({ event, resolve })),
    close: () => response.destroy(),
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
