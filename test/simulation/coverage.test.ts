import { describe, expect, test } from 'vitest';
import { checkWorkspace } from '../../src/checking/check-workspace.js';
import { buildProgram } from '../../src/simulation/build-program.js';
import {
  CoverageRecorder,
  formatCoverage,
  isComplete,
} from '../../src/simulation/coverage.js';
import { testFixtures } from '../../src/simulation/test-fixtures.js';
import { minimalWorkspace } from '../support/workspace-copy.js';

describe('fixture coverage', () => {
  test('lists the paths and rules the minimal fixtures leave untaken', async () => {
    const { workspace } = await checkWorkspace(minimalWorkspace);
    if (workspace === undefined) throw new Error('workspace did not check');
    const recorder = new CoverageRecorder(workspace);
    testFixtures(workspace, buildProgram(workspace), () => true, recorder);
    const coverage = recorder.coverage();
    expect(isComplete(coverage)).toBe(false);
    expect(formatCoverage(coverage)).toBe(
      [
        'Coverage: 8/12 journey paths, 1/5 contact rules',
        'Paths no fixture takes:',
        '  basket: steps.0: event',
        '  winback: steps.2: then',
        '  winback: leaves: redeemed',
        '  winback: leaves: goal',
        'Contact rules no fixture triggers:',
        '  marketing_per_day',
        '  quiet_hours_sms',
        '  consent',
        '  once_per_member',
        '',
      ].join('\n'),
    );
  });
});
