import { open } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkWorkspace } from '../../src/checking/check-workspace.js';
import { copyWorkspace, minimalWorkspace } from '../support/workspace-copy.js';

const codes = async (folder: string): Promise<string[]> =>
  (await checkWorkspace(folder)).diagnostics.map(
    (diagnostic) => diagnostic.code,
  );

describe('hostile YAML', () => {
  test('a 50 MB file is refused before it is read', async () => {
    const folder = await copyWorkspace(minimalWorkspace);
    const handle = await open(path.join(folder, 'journeys', 'huge.yaml'), 'w');
    await handle.truncate(50 * 1024 * 1024);
    await handle.close();
    expect(await codes(folder)).toEqual(['SL103']);
  });

  test('a billion-laughs alias bomb is stopped at the alias limit', async () => {
    const levels = [
      'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
    ];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(
        `${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`,
      );
    }
    const text = `kind: Segment\nid: lol\n${levels.join('\n')}\n`;
    const folder = await copyWorkspace(minimalWorkspace, {
      'journeys/bomb.yaml': text,
    });
    expect(await codes(folder)).toEqual(['SL104']);
  });

  test('deep nesting is refused', async () => {
    const depth = 5_000;
    const text = `kind: Segment\nid: deep\nx: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    const folder = await copyWorkspace(minimalWorkspace, {
      'journeys/deep.yaml': text,
    });
    const found = await codes(folder);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((code) => code === 'SL105' || code === 'SL101')).toBe(
      true,
    );
  });

  test('deeply indented block nesting is refused', async () => {
    const lines = Array.from(
      { length: 200 },
      (_, index) => `${'  '.repeat(index)}k${index}:`,
    );
    const text = `kind: Segment\nid: deep\nx:\n${lines.map((line) => `  ${line}`).join('\n')} 1\n`;
    const folder = await copyWorkspace(minimalWorkspace, {
      'journeys/deep.yaml': text,
    });
    expect(await codes(folder)).toContain('SL105');
  });
});

describe('the loader and checker never throw', () => {
  test('on random text in a journey file', async () => {
    const folder = await copyWorkspace(minimalWorkspace);
    const { writeFile } = await import('node:fs/promises');
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (text) => {
        await writeFile(path.join(folder, 'journeys', 'random.yaml'), text);
        const result = await checkWorkspace(folder);
        expect(Array.isArray(result.diagnostics)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  test('on mutations of a valid journey', async () => {
    const { readFile, writeFile } = await import('node:fs/promises');
    const original = await readFile(
      path.join(minimalWorkspace, 'journeys', 'winback.yaml'),
      'utf8',
    );
    const folder = await copyWorkspace(minimalWorkspace);
    const mutation = fc.tuple(
      fc.nat({ max: original.length }),
      fc.nat({ max: 12 }),
      fc.constantFrom(
        '',
        ':',
        '-',
        ' ',
        '\n',
        '"',
        '[',
        '{',
        '&a',
        '*a',
        'steps',
        '0',
        'x',
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        async (edits) => {
          let text = original;
          for (const [at, remove, insert] of edits) {
            text = text.slice(0, at) + insert + text.slice(at + remove);
          }
          await writeFile(path.join(folder, 'journeys', 'winback.yaml'), text);
          const result = await checkWorkspace(folder);
          for (const diagnostic of result.diagnostics) {
            expect(diagnostic.code).toMatch(/^SL\d{3}$/);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
