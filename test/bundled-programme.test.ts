import { describe, expect, test } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkWorkspace } from '../src/checking/check-workspace.js';
import { buildWorkspace } from '../src/emit/build-workspace.js';
import { buildProgram } from '../src/simulation/build-program.js';
import { CoverageRecorder } from '../src/simulation/coverage.js';
import { testFixtures } from '../src/simulation/test-fixtures.js';

describe('the bundled programme', () => {
  test('checks without a diagnostic, and every fixture passes', async () => {
    const result = await checkWorkspace('.');
    expect(result.diagnostics).toEqual([]);
    const workspace = result.workspace;
    if (workspace === undefined) throw new Error('workspace did not check');
    expect(workspace.journeys.size).toBe(31);

    const recorder = new CoverageRecorder(workspace);
    const results = testFixtures(
      workspace,
      buildProgram(workspace),
      () => true,
      recorder,
    );
    const failures = results.flatMap((outcome) =>
      outcome.failures.map(
        (failure) =>
          `${outcome.fixture.id}: ${failure.expectation.member} ${failure.expected}`,
      ),
    );
    expect(failures).toEqual([]);

    const journeysWithoutFixture = [...workspace.journeys.keys()].filter(
      (journey) =>
        !results.some((outcome) =>
          outcome.timeline.some((entry) => entry.journey === journey),
        ),
    );
    expect(journeysWithoutFixture).toEqual([]);

    // Every once-per-member offer comes from a journey that never lets a
    // member back in, so the once_per_member rule cannot bite in this programme.
    const untakenRules = [...recorder.coverage().rules]
      .filter(([, seen]) => !seen)
      .map(([rule]) => rule);
    expect(untakenRules).toEqual(['once_per_member']);
  });

  test('builds every template and the trigger package', async () => {
    const out = path.join(
      await mkdtemp(path.join(tmpdir(), 'slinga-')),
      'dist',
    );
    const result = await buildWorkspace('.', out);
    expect(result.diagnostics).toEqual([]);
    expect(result.compiled.length).toBe(39);
    const files = [...result.files.keys()];
    expect(files.filter((file) => file.endsWith('.html.hbs')).length).toBe(38);
    expect(files.filter((file) => file.endsWith('.sms.hbs')).length).toBe(39);
    expect(files).toContain('triggers/main.ts');
  });
});
