import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, test } from 'vitest';
import {
  endingTags,
  endingTagsHere,
  renderMjml,
  renderMjmlHere,
  useMjmlThread,
  validateMjml,
  validateMjmlHere,
} from '../../src/templates/mjml-library.js';
import { runningMjmlThread } from '../../src/templates/mjml-thread.js';

const valid =
  '<mjml><mj-body><mj-section><mj-column><mj-text>Hej {{member.first_name}}!</mj-text>' +
  '</mj-column></mj-section></mj-body></mjml>';
const invalid =
  '<mjml><mj-body><mj-section><mj-column><mj-text padding="lots">x</mj-text>' +
  '</mj-column></mj-section></mj-body></mjml>';

/** Whether this thread has loaded MJML. */
function loadedHere(): boolean {
  const cache = createRequire(import.meta.url).cache;
  return Object.keys(cache).some((file) => file.includes('mjml-core'));
}

/** What a call gave, or the message and MJML errors of what it threw. */
async function outcome(call: () => unknown): Promise<unknown> {
  try {
    return { value: await call() };
  } catch (error) {
    return {
      message: (error as Error).message,
      errors: (error as { errors?: unknown }).errors,
    };
  }
}

describe('MJML in a worker thread', () => {
  // Held before anything loads MJML on this thread, so the thread is used.
  const release = useMjmlThread();
  afterAll(() => release());

  test('gives what MJML gives on this thread, errors included', async () => {
    expect(runningMjmlThread()).toBeDefined();
    const inThread = [
      [...endingTags()].sort(),
      await outcome(() => validateMjml(valid)),
      await outcome(() => validateMjml(invalid)),
      await outcome(() => validateMjml('not mjml <')),
      await outcome(() => renderMjml(valid)),
      await outcome(() => renderMjml(invalid)),
    ];
    expect(loadedHere()).toBe(false);
    const here = [
      [...endingTagsHere()].sort(),
      await outcome(() => validateMjmlHere(valid)),
      await outcome(() => validateMjmlHere(invalid)),
      await outcome(() => validateMjmlHere('not mjml <')),
      await outcome(() => renderMjmlHere(valid)),
      await outcome(() => renderMjmlHere(invalid)),
    ];
    expect(inThread).toEqual(here);
    expect(JSON.stringify(inThread[2])).toContain('padding');
  });

  test('when the thread is gone, the work is done here', async () => {
    await runningMjmlThread()?.close();
    expect(await renderMjml(valid)).toBe(await renderMjmlHere(valid));
    expect(validateMjml(invalid)).toEqual(validateMjmlHere(invalid));
  });

  test('a held thread that has nothing to render does not keep a process alive', () => {
    // A session that checks templates but reuses every render, and is never
    // closed: the process must still end when its work is done.
    const library = new URL(
      '../../src/templates/mjml-library.ts',
      import.meta.url,
    );
    const script = [
      `const mjml = await import(${JSON.stringify(library.href)});`,
      'mjml.useMjmlThread();',
      'mjml.endingTags();',
      `mjml.validateMjml(${JSON.stringify(valid)});`,
      "console.log('checked');",
    ].join('\n');
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '--eval', script],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(child.error).toBeUndefined();
    expect(child.stdout).toBe('checked\n');
    expect(child.status).toBe(0);
  }, 90_000);
});
