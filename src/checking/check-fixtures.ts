import { report } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { Expectation, Fixture } from '../workspace/fixture.js';
import type { Workspace } from '../workspace/workspace.js';

/** Rules that can hold a send back besides the policy's caps and quiet hours. */
export const builtInRules = [
  'consent',
  'no_template',
  'once_per_member',
  'left_journey',
] as const;

/** Checks that every expectation of every fixture names things that exist. */
export function checkFixtures(
  workspace: Workspace,
  diagnostics: Diagnostic[],
): void {
  const rules = [
    ...workspace.policy.caps.map((cap) => cap.id),
    ...workspace.policy.quietHours.map((quiet) => quiet.id),
    ...builtInRules,
  ];
  for (const fixture of workspace.fixtures.values()) {
    for (const expectation of fixture.expectations) {
      checkExpectation(fixture, expectation, workspace, rules, diagnostics);
    }
  }
}

function checkExpectation(
  fixture: Fixture,
  expectation: Expectation,
  workspace: Workspace,
  rules: readonly string[],
  diagnostics: Diagnostic[],
): void {
  const check = (
    what: string,
    name: string | undefined,
    known: Iterable<string>,
  ): void => {
    const list = [...known];
    if (name === undefined || list.includes(name)) return;
    const data = { what, name, suggestion: didYouMean(name, list) };
    diagnostics.push(report('SL503', expectation.span, data));
  };
  check(
    'fixture member',
    expectation.member,
    fixture.members.map((member) => member.id),
  );
  switch (expectation.kind) {
    case 'receives':
      check('template', expectation.template, workspace.templates.keys());
      check('offer', expectation.offer, workspace.offers.keys());
      return;
    case 'never_receives':
      check('template', expectation.template, workspace.templates.keys());
      return;
    case 'leaves':
      check('journey', expectation.journey, workspace.journeys.keys());
      return;
    case 'held_back':
      check('template', expectation.template, workspace.templates.keys());
      check('contact rule', expectation.rule, rules);
      return;
  }
}
