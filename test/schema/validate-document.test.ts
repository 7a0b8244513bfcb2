import { describe, expect, it } from 'vitest';

import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { isDocumentKind } from '../../src/schema/document-kind.js';
import type { Locate } from '../../src/schema/locate.js';
import { validateDocument } from '../../src/schema/validate-document.js';
import { parseYaml } from './yaml-locate.js';

function validate(yaml: string, locate?: Locate): Diagnostic[] {
  const parsed = parseYaml(yaml, 'journeys/example.yaml');
  const kind = (parsed.value as { kind?: unknown }).kind;
  if (typeof kind !== 'string' || !isDocumentKind(kind)) {
    throw new Error(`the test document names no kind: ${String(kind)}`);
  }
  return validateDocument(kind, parsed.value, locate ?? parsed.locate);
}

const journeyHead = `kind: Journey
id: winback
category: lifecycle
entry: { segment: lapsed_12m }
`;

/** Forms that formats.md allows but whose examples do not show. */
const validCases: readonly [name: string, yaml: string][] = [
  [
    'an event entry with a condition, and re-entry after a time',
    `kind: Journey
id: welcome
category: event_driven
entry:
  event: purchase
  when: event.channel == "online"
re_entry: { after: 365d }
steps:
  - exit: done
`,
  ],
  [
    'a segment entry and re-entry always',
    `${journeyHead}re_entry: always\nsteps:\n  - exit: done\n`,
  ],
  [
    'weekly and monthly schedules',
    `kind: Journey
id: newsletter
category: lifecycle
entry:
  schedule: { every: month, at: "08:30", day_of_month: 1 }
steps:
  - branch:
      when: true
      then:
        - wait: { until: "09:00" }
      else:
        - wait:
            event: purchase
            when: event.amount > 100
            timeout: 7d
            on_event: [ { exit: bought } ]
            on_timeout:
              - id: nudge
                send: { channel: sms, template: nudge, category: lifecycle }
`,
  ],
  [
    'a split, an update and conditions written as other scalars',
    `${journeyHead}exit_when:
  - event: unsubscribe
    when: true
  - condition: 3
steps:
  - split:
      variants:
        - { id: a, share: 45, steps: [ { exit: a } ] }
        - { id: b, share: 45.5, steps: [ { update: { set: { tier: '"gold"', points: 10 } } } ] }
      holdout: 9.5
`,
  ],
  [
    'offers whose amounts are parameters',
    `kind: Offer
id: first_online
discount: { amount: { param: first_online_amount } }
minimum_purchase: { param: first_online_minimum }
validity: 2w
once_per_member: false
reminders: []
`,
  ],
  [
    'parameters of every type',
    `kind: Parameters
id: programme
values:
  a: { type: string, value: text }
  b: { type: integer, value: 3 }
  c: { type: number, value: 2.5 }
  d: { type: money, value: 500 }
  e: { type: boolean, value: false }
  f: { type: date, value: "2024-02-29" }
  g: { type: datetime, value: "2025-03-05T10:00:00+01:00" }
  h: { type: duration, value: 30m }
`,
  ],
  [
    'a fixture with an end date and every kind of expectation',
    `kind: Fixture
id: basic
period: { start: "2025-03-01", end: "2025-03-31" }
members:
  - id: "1001"
events:
  - { at: "2025-03-05T10:00Z", member: "1001", type: purchase }
expect:
  - { member: "1001", receives: { template: hello, on: "2025-03-02" } }
  - { member: "1001", never_receives: birthday_greeting }
  - { member: "1001", leaves: { journey: winback } }
  - { member: "1001", held_back: { rule: marketing_per_week } }
`,
  ],
];

describe('validateDocument on valid documents', () => {
  it.each(validCases)('accepts %s', (_name, yaml) => {
    expect(validate(yaml)).toEqual([]);
  });
});

describe('the diagnostics of validateDocument', () => {
  it('are errors with a span in the file and a help text', () => {
    const [diagnostic] = validate(`${journeyHead}steps:\n  - wait: 3 days\n`);
    expect(diagnostic).toEqual({
      code: 'SL207',
      severity: 'error',
      message: '"3 days" is not a duration, such as 7d.',
      span: {
        file: 'journeys/example.yaml',
        start: { line: 6, column: 11, offset: 94 },
        end: { line: 6, column: 17, offset: 100 },
      },
      related: [],
      help: 'A whole number followed by m (minutes), h (hours), d (days) or w (weeks).',
    });
  });

  it('list the allowed keys with an unknown key', () => {
    const [diagnostic] = validate(`${journeyHead}steps:\n  - sned: {}\n`);
    expect(diagnostic?.help).toBe(
      'Keys allowed here: id, send, wait, branch, split, update, exit.',
    );
  });

  it('name the actions a step may have', () => {
    const [diagnostic] = validate(`${journeyHead}steps:\n  - id: first\n`);
    expect(diagnostic?.help).toBe(
      'A step needs exactly one of the keys "send", "wait", "branch", "split", "update" or "exit".',
    );
  });

  it('point at the start of the document for a key missing at the root', () => {
    const [diagnostic] = validate('# a comment\n\nkind: Segment\nid: lapsed\n');
    expect(diagnostic?.span).toEqual({
      file: 'journeys/example.yaml',
      start: { line: 3, column: 1, offset: 13 },
      end: { line: 3, column: 1, offset: 13 },
    });
  });

  it('fall back to the nearest enclosing place the locator knows', () => {
    const { locate } = parseYaml(`${journeyHead}steps:\n  - wait: 3 days\n`);
    const onlySteps: Locate = (path, part) =>
      path.length <= 1 ? locate(path, part) : undefined;
    const [diagnostic] = validate(
      `${journeyHead}steps:\n  - wait: 3 days\n`,
      onlySteps,
    );
    expect(diagnostic?.span?.start).toEqual({ line: 5, column: 1, offset: 77 });
  });

  it('have no span when the locator knows nothing', () => {
    const [diagnostic] = validate(`${journeyHead}steps: []\n`, () => undefined);
    expect(diagnostic).not.toHaveProperty('span');
    expect(diagnostic?.code).toBe('SL210');
  });
});
