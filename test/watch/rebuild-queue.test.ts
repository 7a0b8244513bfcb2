import { describe, expect, test } from 'vitest';
import type { FileChange } from '../../src/watch/index.js';
import { RebuildQueue } from '../../src/watch/rebuild-queue.js';

function recorder() {
  const rebuilds: (readonly FileChange[])[] = [];
  let release: (() => void) | undefined;
  let holding = false;
  const queue = new RebuildQueue(async (changes) => {
    rebuilds.push(changes);
    if (holding) await new Promise<void>((resolve) => (release = resolve));
  }, 20);
  return {
    queue,
    rebuilds,
    hold: () => (holding = true),
    release: () => {
      holding = false;
      release?.();
    },
  };
}

const wait = (milliseconds: number) =>
  new Promise((resolve) => setTimeout(resolve, milliseconds));

describe('RebuildQueue', () => {
  test('a burst of changes makes one rebuild', async () => {
    const { queue, rebuilds } = recorder();
    queue.add({ kind: 'change', path: 'templates/a.mjml' });
    queue.add({ kind: 'change', path: 'templates/b.mjml' });
    queue.add({ kind: 'change', path: 'templates/a.mjml' });
    await queue.idle();
    expect(rebuilds).toEqual([
      [
        { kind: 'change', path: 'templates/b.mjml' },
        { kind: 'change', path: 'templates/a.mjml' },
      ],
    ]);
  });

  test('a file added and then changed still counts as added', async () => {
    const { queue, rebuilds } = recorder();
    queue.add({ kind: 'add', path: 'templates/new.mjml' });
    queue.add({ kind: 'change', path: 'templates/new.mjml' });
    await queue.idle();
    expect(rebuilds).toEqual([[{ kind: 'add', path: 'templates/new.mjml' }]]);
  });

  test('changes during a rebuild make the next one', async () => {
    const { queue, rebuilds, hold, release } = recorder();
    hold();
    queue.add({ kind: 'change', path: 'journeys/a.yaml' });
    await wait(60);
    queue.add({ kind: 'change', path: 'journeys/b.yaml' });
    await wait(60);
    expect(rebuilds).toHaveLength(1);
    release();
    await queue.idle();
    expect(rebuilds).toEqual([
      [{ kind: 'change', path: 'journeys/a.yaml' }],
      [{ kind: 'change', path: 'journeys/b.yaml' }],
    ]);
  });
});
