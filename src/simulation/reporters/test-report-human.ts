import type { FixtureResult } from '../test-fixtures.js';

/**
 * The results for a person: a line per fixture, and for each failed
 * expectation the expected and the actual timeline side by side.
 */
export function formatTestHuman(results: readonly FixtureResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    const passed = result.failures.length === 0;
    const count = result.fixture.expectations.length;
    lines.push(
      `${passed ? 'PASS' : 'FAIL'} ${result.fixture.id} (${count} expectations)`,
    );
    for (const failure of result.failures) {
      const { span } = failure.expectation;
      const where = `${span.file}:${span.start.line}:${span.start.column}`;
      lines.push(
        `  ${where} ${failure.expectation.member} ${failure.expected}`,
      );
      lines.push(
        ...sideBySide([failure.expected], failure.actual).map(
          (line) => `    ${line}`,
        ),
      );
    }
  }
  const failed = results.filter((result) => result.failures.length > 0).length;
  lines.push('', `${results.length - failed} passed, ${failed} failed`);
  return `${lines.join('\n')}\n`;
}

function sideBySide(
  expected: readonly string[],
  actual: readonly string[],
): string[] {
  const width = Math.max(
    'expected'.length,
    ...expected.map((line) => line.length),
  );
  const rows = Math.max(expected.length, actual.length, 1);
  const lines = [`${'expected'.padEnd(width)} | actual`];
  for (let row = 0; row < rows; row++) {
    const left = expected[row] ?? '';
    const right = actual[row] ?? (row === 0 ? '(nothing)' : '');
    lines.push(`${left.padEnd(width)} | ${right}`);
  }
  return lines;
}
