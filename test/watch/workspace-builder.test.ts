import { readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { RenderContext } from '../../src/templates/index.js';
import { WorkspaceBuilder } from '../../src/watch/index.js';
import type { Build } from '../../src/watch/index.js';
import { copyWorkspace, minimalWorkspace } from '../support/workspace-copy.js';

const folders: string[] = [];

async function workspace(): Promise<string> {
  const folder = await copyWorkspace(minimalWorkspace);
  folders.push(folder);
  return folder;
}

afterEach(async () => {
  for (const folder of folders.splice(0))
    await rm(folder, { recursive: true, force: true });
});

const winbackEmail = (subject: string) =>
  `---\nsubject: ${subject}\npreheader: Ett erbjudande\n---\n` +
  '<mjml><mj-body><mj-section><mj-column><mj-text>Hej!</mj-text>' +
  '<mj-text><a href="{{unsubscribe_url}}">Avregistrera dig</a></mj-text>' +
  '</mj-column></mj-section></mj-body></mjml>\n';

const context: RenderContext = {
  member: { id: 'anna' },
  params: {},
  unsubscribe_url: 'https://example.com/u',
  recommendations: { products: () => [] },
};

function subjectOf(build: Build): string | undefined {
  return build.good?.templates.get('winback')?.email?.subject(context);
}

function codes(build: Build): string[] {
  return build.diagnostics.map(
    (d) => `${d.code} ${d.span?.file}:${d.span?.start.line}`,
  );
}

describe('WorkspaceBuilder', () => {
  test('the first build checks, compiles and simulates everything', async () => {
    const builder = new WorkspaceBuilder(await workspace());
    const build = await builder.rebuild();
    expect(build.version).toBe(1);
    expect(build.diagnostics).toEqual([]);
    expect(build.templatesOnly).toBe(false);
    expect(build.compiled).toEqual([
      'templates/basket.mjml',
      'templates/basket.sms.hbs',
      'templates/winback.mjml',
      'templates/winback.sms.hbs',
      'templates/winback_reminder.mjml',
      'templates/winback_reminder.sms.hbs',
    ]);
    expect(build.good?.fixtures.map((run) => run.fixture.id)).toEqual([
      'winback_and_basket',
    ]);
    expect(subjectOf(build)).toBe('Hej du');
  });

  test('an edited template is the only file checked and compiled again', async () => {
    const folder = await workspace();
    const builder = new WorkspaceBuilder(folder);
    const first = await builder.rebuild();
    await writeFile(
      path.join(folder, 'templates/winback.mjml'),
      winbackEmail('Välkommen tillbaka'),
    );
    const build = await builder.rebuild([
      { kind: 'change', path: 'templates/winback.mjml' },
    ]);
    expect(build.templatesOnly).toBe(true);
    expect(build.compiled).toEqual(['templates/winback.mjml']);
    expect(subjectOf(build)).toBe('Välkommen tillbaka');
    expect(build.good?.fixtures).toBe(first.good?.fixtures);
  });

  test('an editor saving by replacing the file still checks only that template', async () => {
    const folder = await workspace();
    const builder = new WorkspaceBuilder(folder);
    const first = await builder.rebuild();
    await writeFile(
      path.join(folder, 'templates/winback.mjml'),
      winbackEmail('Välkommen tillbaka'),
    );
    const build = await builder.rebuild([
      { kind: 'unlink', path: 'templates/winback.mjml' },
      { kind: 'add', path: 'templates/winback.mjml' },
    ]);
    expect(build.templatesOnly).toBe(true);
    expect(build.compiled).toEqual(['templates/winback.mjml']);
    expect(subjectOf(build)).toBe('Välkommen tillbaka');
    expect(build.good?.fixtures).toBe(first.good?.fixtures);
  });

  test('a template error shows over the last good build, as a full check finds it', async () => {
    const folder = await workspace();
    const builder = new WorkspaceBuilder(folder);
    await builder.rebuild();
    await writeFile(
      path.join(folder, 'templates/winback.mjml'),
      winbackEmail('Hej {{member.nickname}}'),
    );
    const broken = await builder.rebuild([
      { kind: 'change', path: 'templates/winback.mjml' },
    ]);
    const fresh = await new WorkspaceBuilder(folder).rebuild();

    expect(broken.templatesOnly).toBe(true);
    expect(codes(broken)).toEqual(codes(fresh));
    expect(broken.diagnostics).toEqual(fresh.diagnostics);
    expect(broken.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(broken.good?.version).toBe(1);
    expect(subjectOf(broken)).toBe('Hej du');
    expect(fresh.good).toBeUndefined();
  });

  test('fixing the template makes a new good build', async () => {
    const folder = await workspace();
    const builder = new WorkspaceBuilder(folder);
    await builder.rebuild();
    const file = path.join(folder, 'templates/winback.mjml');
    const change = [
      { kind: 'change', path: 'templates/winback.mjml' },
    ] as const;
    await writeFile(file, winbackEmail('Hej {{member.nickname}}'));
    await builder.rebuild(change);
    await writeFile(file, winbackEmail('Hej igen'));
    const fixed = await builder.rebuild(change);
    expect(fixed.diagnostics).toEqual([]);
    expect(fixed.good?.version).toBe(3);
    expect(subjectOf(fixed)).toBe('Hej igen');
  });

  test('undoing an edit takes the compiled template from the cache', async () => {
    const folder = await workspace();
    const builder = new WorkspaceBuilder(folder);
    await builder.rebuild();
    const file = path.join(folder, 'templates/winback.mjml');
    const change = [
      { kind: 'change', path: 'templates/winback.mjml' },
    ] as const;
    await writeFile(file, winbackEmail('Hej igen'));
    await builder.rebuild(change);
    await writeFile(
      file,
      winbackEmail('Hej {{coalesce member.first_name "du"}}'),
    );
    const undone = await builder.rebuild(change);
    expect(undone.compiled).toEqual([]);
    expect(subjectOf(undone)).toBe('Hej du');
  });

  test('a journey edit checks and simulates everything, templates from the cache', async () => {
    const folder = await workspace();
    const builder = new WorkspaceBuilder(folder);
    const first = await builder.rebuild();
    const journey = path.join(folder, 'journeys/winback.yaml');
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(journey, 'utf8');
    await writeFile(journey, text.replace('wait: 14d', 'wait: 10d'));
    const build = await builder.rebuild([
      { kind: 'change', path: 'journeys/winback.yaml' },
    ]);
    expect(build.templatesOnly).toBe(false);
    expect(build.compiled).toEqual([]);
    expect(build.good?.version).toBe(2);
    expect(build.good?.fixtures).not.toBe(first.good?.fixtures);
    const leave = build.good?.fixtures[0]?.story.find(
      (entry) => entry.kind === 'leave' && entry.member === 'anna',
    );
    expect(leave?.kind === 'leave' && new Date(leave.at).toISOString()).toBe(
      '2025-03-11T08:00:00.000Z',
    );
  });

  test('broken YAML keeps the last good build and reports where', async () => {
    const folder = await workspace();
    const builder = new WorkspaceBuilder(folder);
    await builder.rebuild();
    await writeFile(
      path.join(folder, 'journeys/winback.yaml'),
      'kind: Journey\nid: winback\nsteps: [\n',
    );
    const build = await builder.rebuild([
      { kind: 'change', path: 'journeys/winback.yaml' },
    ]);
    expect(codes(build)).toEqual([
      'SL503 journeys/policy.yaml:1',
      'SL101 journeys/winback.yaml:4',
    ]);
    expect(build.good?.version).toBe(1);
    expect(build.sources('journeys/winback.yaml')?.text).toContain('steps: [');
  });

  test('a new template file checks the whole workspace again', async () => {
    const folder = await workspace();
    const builder = new WorkspaceBuilder(folder);
    await builder.rebuild();
    await writeFile(
      path.join(folder, 'templates/extra.sms.hbs'),
      'Hej! Svara STOPP.\n',
    );
    const build = await builder.rebuild([
      { kind: 'add', path: 'templates/extra.sms.hbs' },
    ]);
    expect(build.templatesOnly).toBe(false);
    expect(build.compiled).toEqual(['templates/extra.sms.hbs']);
    expect(build.good?.templates.has('extra')).toBe(true);
  });

  test('never writes into the workspace', async () => {
    const folder = await workspace();
    const before = await listing(folder);
    const builder = new WorkspaceBuilder(folder);
    await builder.rebuild();
    await builder.rebuild([{ kind: 'change', path: 'templates/winback.mjml' }]);
    await builder.rebuild([{ kind: 'change', path: 'journeys/winback.yaml' }]);
    expect(await listing(folder)).toEqual(before);
  });
});

/** Every file under a folder with its size and modification time. */
async function listing(folder: string): Promise<string[]> {
  const entries = await readdir(folder, {
    recursive: true,
    withFileTypes: true,
  });
  const lines: string[] = [];
  for (const entry of entries) {
    const file = path.join(entry.parentPath, entry.name);
    const found = await stat(file);
    lines.push(`${path.relative(folder, file)} ${found.size} ${found.mtimeMs}`);
  }
  return lines.sort();
}
