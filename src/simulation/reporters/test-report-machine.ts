import type { TimeZone } from '../../runtime/time-zone.js';
import { githubAnnotation } from '../../diagnostics/formatters/format-github.js';
import { describeEntry } from '../check-expectations.js';
import type { FixtureResult } from '../test-fixtures.js';

/** The version of the JSON test report; raised on breaking changes. */
export const testReportVersion = 1;

/** The results as one JSON document. */
export function formatTestJson(
  results: readonly FixtureResult[],
  zone: TimeZone,
): string {
  const failed = results.filter((result) => result.failures.length > 0).length;
  const document = {
    version: testReportVersion,
    summary: {
      fixtures: results.length,
      passed: results.length - failed,
      failed,
    },
    fixtures: results.map((result) => ({
      id: result.fixture.id,
      file: result.fixture.span.file,
      passed: result.failures.length === 0,
      failures: result.failures.map((failure) => ({
        member: failure.expectation.member,
        expected: failure.expected,
        actual: failure.actual,
        file: failure.expectation.span.file,
        line: failure.expectation.span.start.line,
        column: failure.expectation.span.start.column,
      })),
      timeline: result.timeline.map((entry) => ({
        ...entry,
        text: describeEntry(entry, zone),
      })),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The results as JUnit XML: a test suite, a test case per fixture. */
export function formatTestJunit(results: readonly FixtureResult[]): string {
  const failed = results.filter((result) => result.failures.length > 0).length;
  const cases = results.map((result) => {
    const name = `name="${xml(result.fixture.id)}" classname="${xml(result.fixture.span.file)}"`;
    if (result.failures.length === 0) return `  <testcase ${name}/>`;
    const failures = result.failures
      .map((failure) => {
        const message = `${failure.expectation.member} ${failure.expected}`;
        const body = failure.actual.join('\n');
        return `    <failure message="${xml(message)}">${xml(body)}</failure>`;
      })
      .join('\n');
    return `  <testcase ${name}>\n${failures}\n  </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuite name="slinga" tests="${results.length}" failures="${failed}">`,
    ...cases,
    '</testsuite>',
    '',
  ].join('\n');
}

/** Failed expectations as GitHub Actions annotations at their lines. */
export function formatTestGithub(results: readonly FixtureResult[]): string {
  return results
    .flatMap((result) =>
      result.failures.map((failure) => {
        const { expectation, expected, actual } = failure;
        const message = [
          `${expectation.member} ${expected}; actual:`,
          ...actual,
        ];
        const title = `Slinga fixture ${result.fixture.id}`;
        return githubAnnotation(
          'error',
          expectation.span,
          title,
          message.join('\n'),
        );
      }),
    )
    .join('');
}

function xml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
