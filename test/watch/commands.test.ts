import { existsSync } from 'node:fs';
import {
  mkdir,
  readFile,
  readdir,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { copyWorkspace, minimalWorkspace } from '../support/workspace-copy.js';

const folders: string[] = [];

async function workspace(
  changes: Record<string, string> = {},
): Promise<string> {
  const folder = await copyWorkspace(minimalWorkspace, changes);
  folders.push(folder);
  return folder;
}

afterEach(async () => {
  for (const folder of folders.splice(0))
    await rm(folder, { recursive: true, force: true });
});

describe('slinga screenshots', () => {
  test.each([
    'templates',
    'templates/shots',
    'journeys',
    'journeys/../journeys/x',
  ])('refuses --out %s inside the workspace sources', async (out) => {
    const folder = await workspace();
    const before = await readdir(path.join(folder, 'templates'));
    const result = await runCli(
      'screenshots',
      folder,
      '--out',
      path.join(folder, out),
    );
    const refused = path.join(folder, out.split('/')[0] ?? '');
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `slinga: will not write screenshots into ${refused}: choose another --out\n`,
    });
    expect(await readdir(path.join(folder, 'templates'))).toEqual(before);
    expect(existsSync(path.join(folder, 'journeys', 'x'))).toBe(false);
  });

  test('refuses an --out that links into templates/', async () => {
    const folder = await workspace();
    const link = path.join(folder, 'shots');
    await symlink(path.join(folder, 'templates'), link);
    const result = await runCli('screenshots', folder, '--out', link);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `slinga: will not write screenshots into ${path.join(folder, 'templates')}: choose another --out\n`,
    );
  });

  test('refuses an --out where a file stands, and leaves the file as it was', async () => {
    const folder = await workspace();
    const file = path.join(folder, 'notes.txt');
    await writeFile(file, 'keep me');
    const result = await runCli('screenshots', folder, '--out', file);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `slinga: cannot make the folder ${file}: EEXIST: file already exists, mkdir '${file}'\n`,
    });
    expect(await readFile(file, 'utf8')).toBe('keep me');
  });

  test('a workspace with errors gets its diagnostics, not screenshots', async () => {
    const folder = await workspace({
      'journeys/winback.yaml': 'kind: Journey\nid: winback\nsteps: [\n',
    });
    const out = path.join(folder, 'shots');
    const result = await runCli(
      'screenshots',
      folder,
      '--out',
      out,
      '--no-population',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error SL101');
    expect(result.stderr).toContain(
      'slinga: the workspace has errors: no screenshots\n',
    );
    expect(await readdir(out)).toEqual([]);
  });

  test('writes the pictures, and never through a link in --out', async () => {
    const folder = await workspace();
    const out = path.join(folder, 'shots');
    await mkdir(out);
    const victim = path.join(folder, 'victim.txt');
    await writeFile(victim, 'keep me');
    await symlink(victim, path.join(out, 'overview.png'));
    const refused = await runCli(
      'screenshots',
      folder,
      '--out',
      out,
      '--no-population',
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^slinga: screenshots: ELOOP/);
    expect(await readFile(victim, 'utf8')).toBe('keep me');

    await rm(path.join(out, 'overview.png'));
    const result = await runCli(
      'screenshots',
      folder,
      '--out',
      out,
      '--no-population',
    );
    const names = [
      'overview.png',
      'journey.png',
      'email.png',
      'email-desktop.png',
      'email-mobile.png',
      'fixture.png',
      'pressure.png',
    ];
    expect(result).toEqual({
      code: 0,
      stdout: names.map((name) => `${path.join(out, name)}\n`).join(''),
      stderr: '',
    });
    const png = await readFile(path.join(out, 'email-mobile.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  }, 60_000);
});

describe('slinga watch', () => {
  test('a missing folder is a usage error', async () => {
    const result = await runCli('watch', '/nonexistent/slinga-workspace');
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'slinga: /nonexistent/slinga-workspace is not a folder\n',
    });
  });

  test('a port in use is a usage error', async () => {
    const folder = await workspace();
    const blocker = createServer();
    await new Promise<void>((resolve) =>
      blocker.listen(0, '127.0.0.1', resolve),
    );
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const result = await runCli(
        'watch',
        folder,
        '--port',
        String(port),
        '--no-population',
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        'Checking the workspace…\n' +
          `slinga: port ${port} is in use; choose another with --port\n`,
      );
    } finally {
      blocker.close();
    }
  });
});
