import { describe, expect, it } from 'vitest';

import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { isDocumentKind } from '../../src/schema/document-kind.js';
import { validateDocument } from '../../src/schema/validate-document.js';
import { parseYaml } from './yaml-locate.js';

/** A code, the 1-based line and column where its span starts, the message. */
type Expected = [code: string, line: number, column: number, message: string];

interface InvalidCase {
  readonly name: string;
  readonly yaml: string;
  readonly expected: readonly Expected[];
}

/** Validates one YAML document as the kind it names. */
function validate(yaml: string): Diagnostic[] {
  const { value, locate } = parseYaml(yaml);
  const kind = (value as { kind?: unknown }).kind;
  if (typeof kind !== 'string' || !isDocumentKind(kind)) {
    throw new Error(`the test document names no kind: ${String(kind)}`);
  }
  return validateDocument(kind, value, locate);
}

function summarize(diagnostic: Diagnostic): Expected {
  const start = diagnostic.span?.start;
  return [
    diagnostic.code,
    start?.line ?? 0,
    start?.column ?? 0,
    diagnostic.message,
  ];
}

/** Each document has the mistakes its name says, and each is reported once. */
const invalidCases: readonly InvalidCase[] = [
  {
    name: 'unknown key at the root, misspelt',
    yaml: `kind: Journey
id: winback
category: lifecycle
entry: { segment: lapsed_12m }
stpes:
  - exit: done
`,
    expected: [
      [
        'SL200',
        5,
        1,
        'Unknown key "stpes" in this Journey. Did you mean "steps"?',
      ],
    ],
  },
  {
    name: 'unknown key in a step, misspelt action',
    yaml: `kind: Journey
id: winback
category: lifecycle
entry: { segment: lapsed_12m }
steps:
  - sned: { channel: email, template: winback_offer }
`,
    expected: [
      [
        'SL200',
        6,
        5,
        'Unknown key "sned" in item 1 of "steps". Did you mean "send"?',
      ],
    ],
  },
  {
    name: 'unknown key with nothing close',
    yaml: `kind: Segment
id: lapsed_12m
condition: true
colour: red
`,
    expected: [['SL200', 4, 1, 'Unknown key "colour" in this Segment.']],
  },
  {
    name: 'missing key at the root',
    yaml: `kind: Offer
id: winback_25
discount: { percent: 25 }
`,
    expected: [
      ['SL201', 1, 1, 'This Offer is missing the required key "validity".'],
    ],
  },
  {
    name: 'missing key in a nested mapping',
    yaml: `kind: Journey
id: winback
category: lifecycle
entry: { segment: lapsed_12m }
steps:
  - send:
      channel: email
`,
    expected: [
      ['SL201', 6, 5, '"send" is missing the required key "template".'],
    ],
  },
  {
    name: 'missing key in a list item',
    yaml: `kind: ContactPolicy
id: default
caps:
  - id: marketing_per_day
    max: 1
`,
    expected: [
      ['SL201', 4, 5, 'Item 1 of "caps" is missing the required key "window".'],
    ],
  },
  {
    name: 'key required by a condition',
    yaml: `kind: Journey
id: winback
category: lifecycle
entry:
  schedule: { every: week, at: "09:00" }
steps:
  - exit: done
`,
    expected: [
      [
        'SL202',
        5,
        3,
        '"schedule" is missing the key "on", which is required when "every" is "week".',
      ],
    ],
  },
  {
    name: 'enum type without values',
    yaml: `kind: Model
id: shop
member:
  id: string
  level: { type: enum }
`,
    expected: [
      [
        'SL202',
        5,
        3,
        '"level" is missing the key "values", which is required when "type" is "enum".',
      ],
    ],
  },
  {
    name: 'key allowed only under a condition',
    yaml: `kind: Journey
id: winback
category: lifecycle
entry:
  schedule: { every: day, at: "09:00", on: monday }
steps:
  - exit: done
`,
    expected: [
      ['SL203', 5, 40, 'The key "on" is only allowed when "every" is "week".'],
    ],
  },
  {
    name: 'values on a type that is not enum',
    yaml: `kind: Model
id: shop
member:
  id: { type: string, values: [a, b] }
`,
    expected: [
      [
        'SL203',
        4,
        23,
        'The key "values" is only allowed when "type" is "enum".',
      ],
    ],
  },
  {
    name: 'retention on a type that is not a list',
    yaml: `kind: Model
id: shop
member:
  id: string
  seen_at: { type: datetime, retention: { days: 30, by: at } }
`,
    expected: [
      [
        'SL203',
        5,
        30,
        'The key "retention" is only allowed when "type" is "list".',
      ],
    ],
  },
  {
    name: 'retention of no days',
    yaml: `kind: Model
id: shop
member:
  id: string
  visits:
    type: list
    items: { type: object, properties: { at: datetime } }
    retention: { days: 0, by: at }
`,
    expected: [['SL209', 8, 24, '"days" must be at least 1; it is 0.']],
  },
  {
    name: 'audience without schedule',
    yaml: `kind: Journey
id: welcome
category: event_driven
entry:
  event: signup
  audience: member.consent.email
steps:
  - exit: done
`,
    expected: [
      ['SL204', 6, 3, 'The key "audience" needs the key "schedule" beside it.'],
    ],
  },
  {
    name: 'wait for an event without timeout',
    yaml: `kind: Journey
id: welcome
category: event_driven
entry: { event: signup }
steps:
  - wait: { event: purchase }
`,
    expected: [
      ['SL204', 6, 13, 'The key "event" needs the key "timeout" beside it.'],
    ],
  },
  {
    name: 'wrong type',
    yaml: `kind: ContactPolicy
id: default
caps:
  - id: marketing_per_day
    max: three
    window: 1d
`,
    expected: [
      ['SL205', 5, 10, '"max" must be a whole number; it is "three".'],
    ],
  },
  {
    name: 'wrong type required by a condition',
    yaml: `kind: Parameters
id: programme
values:
  winback_after_days: { type: integer, value: "367" }
`,
    expected: [
      [
        'SL205',
        4,
        47,
        '"value" must be a whole number when "type" is "integer"; it is "367".',
      ],
    ],
  },
  {
    name: 'no alternative fits the type',
    yaml: `kind: Journey
id: winback
category: lifecycle
entry: { segment: lapsed_12m }
steps:
  - wait: 5
`,
    expected: [
      [
        'SL205',
        6,
        11,
        '"wait" must be a duration (such as 7d) or a mapping; it is 5.',
      ],
    ],
  },
  {
    name: 'steps written as a mapping',
    yaml: `kind: Journey
id: winback
category: lifecycle
entry: { segment: lapsed_12m }
steps:
  send: { channel: email, template: winback_offer }
`,
    expected: [['SL205', 6, 3, '"steps" must be a list; it is a mapping.']],
  },
  {
    name: 'condition written as a list',
    yaml: `kind: Segment
id: lapsed_12m
condition: [a, b]
`,
    expected: [
      ['SL205', 3, 12, '"condition" must be a condition; it is a list.'],
    ],
  },
  {
    name: 'enum value misspelt',
    yaml: `kind: Journey
id: winback
category: lifecycle
entry: { segment: lapsed_12m }
steps:
  - send: { channel: emial, template: winback_offer }
`,
    expected: [
      [
        'SL206',
        6,
        22,
        '"channel" must be "email" or "sms"; it is "emial". Did you mean "email"?',
      ],
    ],
  },
  {
    name: 'enum value in a list, nothing close',
    yaml: `kind: ContactPolicy
id: default
caps:
  - id: marketing_per_day
    max: 1
    window: 1d
    categories: [marketing]
`,
    expected: [
      [
        'SL206',
        7,
        18,
        'Item 1 of "categories" must be one of "transactional", "lifecycle" or "event_driven"; it is "marketing".',
      ],
    ],
  },
  {
    name: 'text alternative with a value not allowed',
    yaml: `kind: Journey
id: winback
category: lifecycle
entry: { segment: lapsed_12m }
re_entry: sometimes
steps:
  - exit: done
`,
    expected: [
      [
        'SL206',
        5,
        11,
        '"re_entry" must be "never" or "always"; it is "sometimes".',
      ],
    ],
  },
  {
    name: 'mapping alternative with a misspelt key',
    yaml: `kind: Journey
id: winback
category: lifecycle
entry: { segment: lapsed_12m }
re_entry: { afer: 365d }
steps:
  - exit: done
`,
    expected: [
      [
        'SL200',
        5,
        13,
        'Unknown key "afer" in "re_entry". Did you mean "after"?',
      ],
    ],
  },
  {
    name: 'not a duration',
    yaml: `kind: Journey
id: winback
category: lifecycle
entry: { segment: lapsed_12m }
steps:
  - wait: 3 days
`,
    expected: [['SL207', 6, 11, '"3 days" is not a duration, such as 7d.']],
  },
  {
    name: 'not a time of day',
    yaml: `kind: ContactPolicy
id: default
quiet_hours:
  - { channel: sms, from: "20:00", to: "9:00" }
`,
    expected: [['SL207', 4, 40, '"9:00" is not a time of day, such as 09:00.']],
  },
  {
    name: 'a date that is not in the calendar',
    yaml: `kind: Fixture
id: winback_basic
period: { start: "2025-02-30", days: 30 }
`,
    expected: [
      ['SL207', 3, 18, '"2025-02-30" is not a date, such as 2025-03-01.'],
    ],
  },
  {
    name: 'not an id',
    yaml: `kind: Segment
id: Lapsed-12m
condition: true
`,
    expected: [
      [
        'SL207',
        2,
        5,
        '"Lapsed-12m" is not an id in lower snake case, such as winback_25.',
      ],
    ],
  },
  {
    name: 'a datetime without the T',
    yaml: `kind: Fixture
id: winback_basic
period: { start: "2025-03-01", days: 30 }
events:
  - { at: "2025-03-05 10:00", member: anna, type: purchase }
`,
    expected: [
      [
        'SL207',
        5,
        11,
        '"2025-03-05 10:00" is not a date and time, such as 2025-03-05T10:00.',
      ],
    ],
  },
  {
    name: 'a name that is not an id',
    yaml: `kind: Model
id: shop
member:
  id: string
  firstName: string
`,
    expected: [
      [
        'SL208',
        5,
        3,
        'The name "firstName" is not an id in lower snake case, such as winback_25.',
      ],
    ],
  },
  {
    name: 'an update target that is neither a name nor a path',
    yaml: `kind: Model
id: shop
member:
  id: string
events:
  visit:
    updates:
      consent..email: false
`,
    expected: [
      [
        'SL208',
        8,
        7,
        'The name "consent..email" is not an attribute name or a dotted path to a property, such as email_confirmed.',
      ],
    ],
  },
  {
    name: 'a number above its maximum',
    yaml: `kind: Offer
id: winback_25
discount: { percent: 125 }
validity: 30d
`,
    expected: [['SL209', 3, 22, '"percent" must be at most 100; it is 125.']],
  },
  {
    name: 'a share of zero',
    yaml: `kind: Journey
id: winback
category: lifecycle
entry: { segment: lapsed_12m }
steps:
  - split:
      variants:
        - { id: a, share: 0, steps: [ { exit: done } ] }
`,
    expected: [['SL209', 8, 27, '"share" must be more than 0; it is 0.']],
  },
  {
    name: 'an empty list of steps',
    yaml: `kind: Journey
id: winback
category: lifecycle
entry: { segment: lapsed_12m }
steps: []
`,
    expected: [['SL210', 5, 8, '"steps" must not be empty.']],
  },
  {
    name: 'an update that sets nothing',
    yaml: `kind: Journey
id: winback
category: lifecycle
entry: { segment: lapsed_12m }
steps:
  - update: { set: {} }
`,
    expected: [['SL210', 6, 20, '"set" must not be empty.']],
  },
  {
    name: 'a list item given twice',
    yaml: `kind: ContactPolicy
id: default
priorities: [birthday, winback, birthday]
`,
    expected: [
      ['SL211', 3, 33, '"priorities" lists "birthday" more than once.'],
    ],
  },
  {
    name: 'a discount with neither percent nor amount',
    yaml: `kind: Offer
id: winback_25
discount: {}
validity: 30d
`,
    expected: [
      [
        'SL212',
        3,
        1,
        '"discount" needs one of the keys "percent" or "amount".',
      ],
    ],
  },
  {
    name: 'an expectation with nothing expected',
    yaml: `kind: Fixture
id: winback_basic
period: { start: "2025-03-01", days: 30 }
expect:
  - member: anna
`,
    expected: [
      [
        'SL212',
        5,
        5,
        'Item 1 of "expect" needs one of the keys "receives", "never_receives", "leaves" or "held_back".',
      ],
    ],
  },
  {
    name: 'an entry with two triggers',
    yaml: `kind: Journey
id: winback
category: lifecycle
entry:
  segment: lapsed_12m
  event: purchase
steps:
  - exit: done
`,
    expected: [
      [
        'SL213',
        6,
        3,
        '"entry" may have only one of the keys "schedule", "event" or "segment", but it has "segment" and "event".',
      ],
    ],
  },
  {
    name: 'a period with both days and end',
    yaml: `kind: Fixture
id: winback_basic
period: { start: "2025-03-01", days: 30, end: "2025-03-31" }
`,
    expected: [
      [
        'SL213',
        3,
        42,
        '"period" may have only one of the keys "days" or "end", but it has "days" and "end".',
      ],
    ],
  },
  {
    name: 'a step with only an id',
    yaml: `kind: Journey
id: winback
category: lifecycle
entry: { segment: lapsed_12m }
steps:
  - id: first
`,
    expected: [['SL214', 6, 5, 'This step has no action.']],
  },
  {
    name: 'a step with two actions',
    yaml: `kind: Journey
id: winback
category: lifecycle
entry: { segment: lapsed_12m }
steps:
  - send: { channel: email, template: winback_offer }
    wait: 14d
`,
    expected: [
      [
        'SL215',
        7,
        5,
        'This step has 2 actions, "send" and "wait"; a step takes exactly one.',
      ],
    ],
  },
  {
    name: 'a nested step with three actions',
    yaml: `kind: Journey
id: winback
category: lifecycle
entry: { segment: lapsed_12m }
steps:
  - branch:
      when: offer.redeemed
      then:
        - exit: redeemed
          wait: 1d
          update: { set: { vip: true } }
`,
    expected: [
      [
        'SL215',
        10,
        11,
        'This step has 3 actions, "exit", "wait" and "update"; a step takes exactly one.',
      ],
    ],
  },
  {
    name: 'several mistakes, in document order',
    yaml: `kind: Journey
id: winback
category: lifecycle
entry: { segment: lapsed_12m }
goal: { event: purchase, within: 30 days }
steps:
  - send: { channel: email, templat: winback_offer }
  - wait: 14
`,
    expected: [
      ['SL207', 5, 34, '"30 days" is not a duration, such as 7d.'],
      [
        'SL200',
        7,
        29,
        'Unknown key "templat" in "send". Did you mean "template"?',
      ],
      [
        'SL205',
        8,
        11,
        '"wait" must be a duration (such as 7d) or a mapping; it is 14.',
      ],
    ],
  },
];

describe('validateDocument on invalid documents', () => {
  it.each(invalidCases)('$name', ({ yaml, expected }) => {
    expect(validate(yaml).map(summarize)).toEqual(expected);
  });
});
