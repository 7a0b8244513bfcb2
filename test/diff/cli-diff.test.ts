import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { copyWorkspace, minimalWorkspace } from '../support/workspace-copy.js';
import { applyChanges, git, twoVersions } from './git-workspaces.js';
import { scenarios } from './scenarios.js';

/** The parts of the JSON report these tests read. */
interface ReportJson {
  version: number;
  base: unknown;
  head: unknown;
  summary: unknown;
  changes: { area: string; id: string }[];
  fixtures: { changes: { kind: string }[] }[];
  population: Record<string, unknown>;
  emails: unknown;
}

/** A small, quick population sample, and no email rendering. */
const quick = ['--members', '500', '--days', '2', '--no-render'];

describe('slinga diff', () => {
  test('compares two revisions and reports versioned JSON', async () => {
    const { repository, base, head } = await twoVersions(scenarios.wait);
    const result = await runCli(
      'diff',
      base,
      head,
      '--repo',
      repository,
      '--format',
      'json',
      ...quick,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as ReportJson;
    expect(report.version).toBe(1);
    expect(report.base).toEqual({
      kind: 'revision',
      label: base,
      commit: base,
    });
    expect(report.head).toEqual({
      kind: 'revision',
      label: head,
      commit: head,
    });
    expect(report.summary).toEqual({
      added: 0,
      removed: 0,
      changed: 2,
      fixturesWithChangedSends: ['winback_and_basket'],
      fixturesOnOneSide: [],
    });
    expect(report.changes.map((change) => change.id)).toEqual([
      'basket',
      'winback',
    ]);
    expect(report.fixtures[0]?.changes[0]?.kind).toBe('moved');
    expect(Object.keys(report.population)).toEqual([
      'members',
      'days',
      'startDate',
      'seed',
      'pressure',
      'totals',
      'journeys',
    ]);
    expect(report.emails).toBeNull();
  });

  test('reads the workspace at the path --repo has in its repository', async () => {
    const { repository, base, head } = await twoVersions(
      scenarios.offer,
      'crm',
    );
    const result = await runCli(
      'diff',
      base,
      head,
      '--repo',
      path.join(repository, 'crm'),
      '--format',
      'json',
      '--no-population',
      '--no-render',
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as ReportJson;
    expect(report.changes.map((change) => change.id)).toEqual(['winback_25']);
  });

  test('the same two sides give the same bytes', async () => {
    const { repository, base, head } = await twoVersions(scenarios.condition);
    const once = await runCli(
      'diff',
      base,
      head,
      '--repo',
      repository,
      '--format',
      'json',
      ...quick,
    );
    const twice = await runCli(
      'diff',
      base,
      head,
      '--repo',
      repository,
      '--format',
      'json',
      ...quick,
    );
    expect(once.stdout).toBe(twice.stdout);
  });

  test('compares a revision with the working folder, leaving tree and index alone', async () => {
    const { repository, base } = await twoVersions(scenarios.offer);
    await applyChanges(repository, scenarios.cap);
    await git(repository, 'add', 'journeys/policy.yaml');
    await applyChanges(repository, scenarios.template);
    const status = await git(repository, 'status', '--porcelain');
    const stashList = await git(repository, 'worktree', 'list', '--porcelain');

    const result = await runCli(
      'diff',
      base,
      repository,
      '--repo',
      repository,
      '--no-population',
      '--no-render',
      '--format',
      'json',
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as ReportJson;
    expect(report.head).toEqual({
      kind: 'folder',
      label: repository,
      commit: null,
    });
    expect(
      report.changes.map((change) => `${change.area} ${change.id}`),
    ).toEqual(['offer winback_25', 'policy default', 'template winback']);
    expect(await git(repository, 'status', '--porcelain')).toBe(status);
    expect(await git(repository, 'worktree', 'list', '--porcelain')).toBe(
      stashList,
    );
  });

  test('compares two folders, and prints a Markdown summary then details', async () => {
    const head = await copyWorkspace(minimalWorkspace, scenarios.wait);
    const result = await runCli(
      'diff',
      minimalWorkspace,
      head,
      '--format',
      'markdown',
      '--no-population',
      '--no-render',
    );
    expect(result.code).toBe(0);
    expect(
      result.stdout
        .replaceAll(head, '<head>')
        .replaceAll(minimalWorkspace, '<base>'),
    ).toBe(
      [
        '### Slinga diff: `<base>` → `<head>`',
        '',
        '- **2 changes**: 2 changed, 0 added, 0 removed',
        '- **1 fixture with changed sends**: `winback_and_basket`',
        '',
        '<details><summary>Changes (2)</summary>',
        '',
        '#### Journeys',
        '',
        '- **basket** changed — `journeys/basket.yaml:1`',
        '  - step steps.0 timeout: 4h → 2h — `journeys/basket.yaml:9`',
        '- **winback** changed — `journeys/winback.yaml:1`',
        '  - step steps.1 wait: 14d → 7d — `journeys/winback.yaml:12`',
        '',
        '</details>',
        '',
        '<details><summary>Fixtures: 1 with changed sends</summary>',
        '',
        '- `winback_and_basket`:',
        '  - moved: bo basket \\[basket/steps.0.wait.on_timeout.0\\] moved -2h: 2025-03-03 14:00 → 2025-03-03 12:00',
        '',
        '</details>',
        '',
      ].join('\n'),
    );
  });

  test('prints a summary for a terminal', async () => {
    const head = await copyWorkspace(minimalWorkspace, scenarios.cap);
    const result = await runCli(
      'diff',
      minimalWorkspace,
      head,
      '--no-population',
      '--no-render',
    );
    expect(
      result.stdout
        .replaceAll(head, '<head>')
        .replaceAll(minimalWorkspace, '<base>'),
    ).toBe(
      [
        'slinga diff <base> → <head>',
        '1 change: 1 changed, 0 added, 0 removed',
        '1 fixture with changed sends',
        '',
        '~ policy default changed  journeys/policy.yaml:1',
        '    ~ cap marketing_per_day window: 1d → 30d  (journeys/policy.yaml:7)',
        '',
        'fixture winback_and_basket: 2 sends changed',
        '    held_back_changed anna winback_reminder [winback/winback_25.reminder.0]: sent 2025-03-24 09:00 by email → held back by marketing_per_day 2025-03-24 09:00 by email',
        '    held_back_changed dan winback_reminder [winback/winback_25.reminder.0]: sent 2025-03-24 09:00 by sms → held back by marketing_per_day 2025-03-24 09:00 by sms',
        '',
      ].join('\n'),
    );
  });

  test("--fail-on-fixture-change fails when a fixture's sends change", async () => {
    const wait = await copyWorkspace(minimalWorkspace, scenarios.wait);
    const offer = await copyWorkspace(minimalWorkspace, scenarios.offer);
    const gate = ['--fail-on-fixture-change', '--no-population', '--no-render'];
    const failing = await runCli('diff', minimalWorkspace, wait, ...gate);
    expect([failing.code, failing.stderr]).toEqual([
      1,
      'slinga: fixture sends changed: winback_and_basket\n',
    ]);
    expect((await runCli('diff', minimalWorkspace, offer, ...gate)).code).toBe(
      0,
    );
  });

  test('--fail-on-pressure-increase fails when contact pressure rises more', async () => {
    const lapsedSooner = await copyWorkspace(
      minimalWorkspace,
      scenarios.condition,
    );
    const pressure = async (percent: string) =>
      runCli(
        'diff',
        minimalWorkspace,
        lapsedSooner,
        '--fail-on-pressure-increase',
        percent,
        ...quick,
      );
    const strict = await pressure('0');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(
      /^slinga: contact pressure rises by \d+\.\d %/,
    );
    expect((await pressure('100000')).code).toBe(0);
  });

  test('usage errors exit 2', async () => {
    const badRevision = await runCli(
      'diff',
      'no-such-revision',
      '.',
      '--repo',
      minimalWorkspace,
      '--no-population',
    );
    expect(badRevision.code).toBe(2);
    expect(badRevision.stderr).toMatch(
      /^slinga: "no-such-revision" is neither a folder nor a git revision/,
    );
    const noPopulation = await runCli(
      'diff',
      minimalWorkspace,
      minimalWorkspace,
      '--no-population',
      '--fail-on-pressure-increase',
      '5',
    );
    expect(noPopulation).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'slinga: --fail-on-pressure-increase needs the population run; drop --no-population.\n',
    });
    expect(
      (await runCli('diff', minimalWorkspace, '--members', 'many')).code,
    ).toBe(2);
  });

  test('a side with errors exits 1 and shows them', async () => {
    const broken = await copyWorkspace(minimalWorkspace, {
      'journeys/offers.yaml': 'kind: Offer\nid: winback_25\n',
    });
    const result = await runCli(
      'diff',
      minimalWorkspace,
      broken,
      '--no-population',
      '--no-render',
    );
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(
      `slinga: the head side (${broken}) has errors; run slinga check on it.`,
    );
  });
});
