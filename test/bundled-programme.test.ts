import { createHash } from 'node:crypto';
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
    const result = await bundledBuild();
    expect(result.diagnostics).toEqual([]);
    expect(result.compiled.length).toBe(39);
    const files = [...result.files.keys()];
    expect(files.filter((file) => file.endsWith('.html.hbs')).length).toBe(38);
    expect(files.filter((file) => file.endsWith('.sms.hbs')).length).toBe(39);
    expect(files).toContain('triggers/main.ts');
  });

  test('builds the outputs committed as snapshots, byte for byte', async () => {
    const { files } = await bundledBuild();
    // Every output file by digest: a change anywhere names the file.
    const digests = [...files]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([file, text]) => `${digest(text)}  ${file}`);
    await expect(`${digests.join('\n')}\n`).toMatchFileSnapshot(
      './__snapshots__/bundled-build/files.sha256',
    );
    // The winback email's HTML and text, its SMS, and the trigger package's
    // typed model, program and subjects, to read in a review.
    for (const file of [
      'templates/winback.html.hbs',
      'templates/winback.txt.hbs',
      'templates/winback.sms.hbs',
      'templates/winback.json',
      'triggers/model.ts',
      'triggers/program.ts',
      'triggers/subjects.ts',
    ]) {
      await expect(files.get(file)).toMatchFileSnapshot(
        `./__snapshots__/bundled-build/${file.replace('/', '__')}.snap`,
      );
    }
  });
});

let built: ReturnType<typeof buildWorkspace> | undefined;

/** The bundled workspace's build, made once for the tests that read it. */
async function bundledBuild(): ReturnType<typeof buildWorkspace> {
  built ??= mkdtemp(path.join(tmpdir(), 'slinga-')).then((folder) =>
    buildWorkspace('.', path.join(folder, 'dist')),
  );
  return built;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
