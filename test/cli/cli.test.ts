import { describe, expect, test } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { copyWorkspace, minimalWorkspace } from '../support/workspace-copy.js';

const brokenOffer = {
  'journeys/winback.yaml':
    'kind: Journey\nid: winback\ncategory: lifecycle\nentry:\n  schedule: { every: day, at: "09:00" }\n' +
    'steps:\n  - send: { channel: email, template: winback, offer: winback_52 }\n',
};

describe('slinga check', () => {
  test('a clean workspace exits 0', async () => {
    expect(await runCli('check', minimalWorkspace)).toEqual({
      code: 0,
      stdout: '',
      stderr: 'No problems found.\n',
    });
  });

  test('human output shows the code frame with the span underlined', async () => {
    const folder = await copyWorkspace(minimalWorkspace, brokenOffer);
    const result = await runCli('check', folder);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        'error SL503: Unknown offer "winback_52". Did you mean "winback_25"?',
        '  --> journeys/winback.yaml:7:5',
        '    |',
        '  7 |   - send: { channel: email, template: winback, offer: winback_52 }',
        '    |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe('1 error, 0 warnings.\n');
  });

  test('JSON output is versioned data', async () => {
    const folder = await copyWorkspace(minimalWorkspace, brokenOffer);
    const result = await runCli('check', folder, '--format', 'json');
    const document = JSON.parse(result.stdout) as {
      version: number;
      summary: unknown;
      diagnostics: unknown[];
    };
    expect(result.code).toBe(1);
    expect(document.version).toBe(1);
    expect(document.summary).toEqual({ errors: 1, warnings: 0, infos: 0 });
    expect(document.diagnostics[0]).toMatchObject({
      code: 'SL503',
      file: 'journeys/winback.yaml',
      start: { line: 7, column: 5 },
    });
  });

  test('GitHub output is one workflow annotation per diagnostic', async () => {
    const folder = await copyWorkspace(minimalWorkspace, brokenOffer);
    const result = await runCli('check', folder, '--format', 'github');
    expect(result.stdout).toBe(
      '::error file=journeys/winback.yaml,line=7,col=5,endLine=7,endColumn=67,title=Slinga SL503::' +
        'Unknown offer "winback_52". Did you mean "winback_25"?\n',
    );
  });

  test('warnings fail only past --max-warnings', async () => {
    const folder = await copyWorkspace(minimalWorkspace, {
      'templates/basket.sms.hbs': null,
    });
    expect((await runCli('check', folder)).code).toBe(0);
    expect((await runCli('check', folder, '--max-warnings', '0')).code).toBe(1);
    expect((await runCli('check', folder, '--max-warnings', '1')).code).toBe(0);
  });

  test('wrong usage exits 2 without a stack trace', async () => {
    const result = await runCli('check', '--format', 'xml');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("argument 'xml' is invalid");
    expect(result.stderr).not.toContain('    at ');
    expect((await runCli('frobnicate')).code).toBe(2);
  });
});

describe('slinga test', () => {
  test('passes the minimal workspace fixtures', async () => {
    const result = await runCli('test', minimalWorkspace);
    expect(result).toEqual({
      code: 0,
      stdout:
        'PASS winback_and_basket (5 expectations)\n\n1 passed, 0 failed\n',
      stderr: '',
    });
  });

  test('JUnit output names each fixture', async () => {
    const result = await runCli('test', minimalWorkspace, '--format', 'junit');
    expect(result.stdout).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="slinga" tests="1" failures="0">\n' +
        '  <testcase name="winback_and_basket" classname="journeys/fixtures.yaml"/>\n</testsuite>\n',
    );
  });

  test('a failing expectation is a GitHub annotation at its line', async () => {
    const fixture =
      'kind: Fixture\nid: wrong\nperiod: { start: "2025-05-01", days: 1 }\nmembers:\n' +
      '  - id: eva\n    attributes:\n      email_quarantined: false\n      joined_at: "2020-01-01T10:00"\n' +
      '      level: member\n      consent: { email: true, sms: true }\n      purchases: []\n' +
      'expect:\n  - member: eva\n    receives: { template: basket }\n';
    const failing = await copyWorkspace(minimalWorkspace, {
      'journeys/fixtures.yaml': fixture,
    });
    const result = await runCli('test', failing, '--format', 'github');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      '::error file=journeys/fixtures.yaml,line=13,col=5,endLine=14,endColumn=35,' +
        'title=Slinga fixture wrong::eva receives basket; actual:\n',
    );
  });

  test('a workspace with errors is not simulated', async () => {
    const folder = await copyWorkspace(minimalWorkspace, brokenOffer);
    const result = await runCli('test', folder);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('SL503');
  });
});
