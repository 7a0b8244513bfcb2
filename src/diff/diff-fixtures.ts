import type { TimeZone } from '../runtime/time-zone.js';
import {
  describeExpectation,
  formatInstant,
} from '../simulation/check-expectations.js';
import { formatDate } from '../runtime/values.js';
import type { Fixture, FixtureMember } from '../workspace/fixture.js';
import type { MemberModel } from '../workspace/workspace.js';
import { valueText } from './describe-values.js';
import { locateEither, type Locators } from './location.js';
import {
  diffItems,
  type DetailList,
  type SemanticChange,
} from './semantic-change.js';

/** How fixture values are written: attribute types and the time zone. */
export interface FixtureWords {
  readonly model: MemberModel;
  readonly zone: TimeZone;
}

/**
 * Fixtures added, removed or edited: the period, members and their
 * attributes, events, and expectations.
 */
export function diffFixtures(
  base: ReadonlyMap<string, Fixture>,
  head: ReadonlyMap<string, Fixture>,
  locators: Locators,
  words: FixtureWords,
): SemanticChange[] {
  return diffItems(base, head, locators, {
    area: 'fixture',
    compare: (before, after, details) => {
      details.compare(
        'period',
        periodText(before),
        periodText(after),
        locators.head.key(after.span, 'period'),
      );
      diffMembers(before, after, details, locators, words);
      diffEntries(before, after, details, locators, words);
    },
    summary: (fixture) =>
      `${periodText(fixture)}, ${fixture.members.length} members`,
  });
}

function periodText(fixture: Fixture): string {
  return `${fixture.days} days from ${formatDate(fixture.startDay)}`;
}

function diffMembers(
  before: Fixture,
  after: Fixture,
  details: DetailList,
  locators: Locators,
  words: FixtureWords,
): void {
  const ids = [
    ...new Set([...before.members, ...after.members].map((m) => m.id)),
  ];
  for (const id of ids) {
    const a = before.members.find((member) => member.id === id);
    const b = after.members.find((member) => member.id === id);
    if (a === undefined || b === undefined) {
      details.compare(
        `member ${id}`,
        a === undefined ? null : 'in the fixture',
        b === undefined ? null : 'in the fixture',
        locateEither(locators, a, b),
      );
      continue;
    }
    diffAttributes(a, b, details, locators, words);
  }
}

function diffAttributes(
  before: FixtureMember,
  after: FixtureMember,
  details: DetailList,
  locators: Locators,
  words: FixtureWords,
): void {
  const names = [
    ...new Set([
      ...Object.keys(before.attributes),
      ...Object.keys(after.attributes),
    ]),
  ];
  for (const name of names) {
    const type = words.model.attributes.get(name)?.type;
    const text = (value: unknown): string | null =>
      value === undefined
        ? null
        : type === undefined
          ? JSON.stringify(value)
          : valueText(value, type);
    details.compare(
      `member ${after.id} ${name}`,
      text(before.attributes[name]),
      text(after.attributes[name]),
      locators.head.at(after.span),
    );
  }
}

/** Events and expectations are compared as sets of lines. */
function diffEntries(
  before: Fixture,
  after: Fixture,
  details: DetailList,
  locators: Locators,
  words: FixtureWords,
): void {
  const eventText = (event: Fixture['events'][number]): string => {
    const at = formatInstant(event.at, words.zone);
    const payload = JSON.stringify(event.payload);
    return `${at} ${event.member} ${event.type} ${payload}`;
  };
  const expectationText = (
    expectation: Fixture['expectations'][number],
  ): string => `${expectation.member} ${describeExpectation(expectation)}`;
  compareLines('event', before.events, after.events, eventText);
  compareLines(
    'expectation',
    before.expectations,
    after.expectations,
    expectationText,
  );

  function compareLines<T extends { span: Fixture['span'] }>(
    what: string,
    a: readonly T[],
    b: readonly T[],
    text: (item: T) => string,
  ): void {
    const beforeTexts = new Set(a.map(text));
    const afterTexts = new Set(b.map(text));
    for (const item of a) {
      if (!afterTexts.has(text(item)))
        details.compare(what, text(item), null, locators.base.at(item.span));
    }
    for (const item of b) {
      if (!beforeTexts.has(text(item)))
        details.compare(what, null, text(item), locators.head.at(item.span));
    }
  }
}
