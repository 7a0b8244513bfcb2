import { describe, expect, test } from 'vitest';
import { checkWorkspace } from '../../src/checking/check-workspace.js';
import { copyWorkspace, minimalWorkspace } from '../support/workspace-copy.js';

interface Row {
  readonly name: string;
  readonly changes: Readonly<Record<string, string | Uint8Array | null>>;
  readonly code: string;
  /** `file:line:column`, or '' for a workspace-wide finding. */
  readonly at: string;
}

const journey = (steps: string, extra = ''): string =>
  `kind: Journey\nid: extra\ncategory: lifecycle\nentry:\n  schedule: { every: day, at: "10:00" }\n${extra}steps:\n${steps}`;

const segment = (id: string, condition: string): string =>
  `kind: Segment\nid: ${id}\ncondition: ${condition}\n`;

const fixture = (body: string): string =>
  `kind: Fixture\nid: broken\nperiod: { start: "2025-03-01", days: 2 }\n${body}`;

const member =
  '  - id: eva\n    attributes:\n      email_quarantined: false\n      joined_at: "2020-01-01T10:00"\n' +
  '      level: member\n      consent: { email: true, sms: true }\n      purchases: []\n';

const withoutJourneys = {
  'journeys/winback.yaml': null,
  'journeys/basket.yaml': null,
  'journeys/segments.yaml': null,
  'journeys/offers.yaml': null,
  'journeys/fixtures.yaml': null,
  'journeys/policy.yaml': 'kind: ContactPolicy\nid: default\n',
};

const rows: Row[] = [
  {
    name: 'event update of an undeclared attribute',
    changes: {
      'journeys/model.yaml':
        'kind: Model\nid: shop\nmember:\n  id: string\n  seen_at: datetime?\n  tags: { type: list, items: string }\n  visits: { type: list, items: { type: object, properties: { at: datetime, page: string } } }\nevents:\n  visit:\n    payload:\n      page: string\n    updates:\n      last_seen: event.at\n',
      ...withoutJourneys,
    },
    code: 'SL503',
    at: 'journeys/model.yaml:13:18',
  },
  {
    name: 'event update of an unknown property of an object attribute',
    changes: {
      'journeys/model.yaml':
        'kind: Model\nid: shop\nmember:\n  id: string\n  seen_at: datetime?\n  consent: { type: object, properties: { email: boolean, sms: boolean } }\nevents:\n  visit:\n    payload:\n      page: string\n    updates:\n      consent.emial: false\n',
      ...withoutJourneys,
    },
    code: 'SL503',
    at: 'journeys/model.yaml:12:22',
  },
  {
    name: 'event update of a property of an attribute that is no object',
    changes: {
      'journeys/model.yaml':
        'kind: Model\nid: shop\nmember:\n  id: string\n  seen_at: datetime?\n  consent: { type: object, properties: { email: boolean, sms: boolean } }\nevents:\n  visit:\n    payload:\n      page: string\n    updates:\n      seen_at.day: event.at\n',
      ...withoutJourneys,
    },
    code: 'SL515',
    at: 'journeys/model.yaml:12:20',
  },
  {
    name: 'event update of a property with a value of the wrong type',
    changes: {
      'journeys/model.yaml':
        'kind: Model\nid: shop\nmember:\n  id: string\n  seen_at: datetime?\n  consent: { type: object, properties: { email: boolean, sms: boolean } }\nevents:\n  visit:\n    payload:\n      page: string\n    updates:\n      consent.sms: event.page\n',
      ...withoutJourneys,
    },
    code: 'SL415',
    at: 'journeys/model.yaml:12:20',
  },
  {
    name: 'event update of the wrong type',
    changes: {
      'journeys/model.yaml':
        'kind: Model\nid: shop\nmember:\n  id: string\n  seen_at: datetime?\n  tags: { type: list, items: string }\n  visits: { type: list, items: { type: object, properties: { at: datetime, page: string } } }\nevents:\n  visit:\n    payload:\n      page: string\n    updates:\n      seen_at: event.page\n',
      ...withoutJourneys,
    },
    code: 'SL415',
    at: 'journeys/model.yaml:13:16',
  },
  {
    name: 'event append to a list of scalars',
    changes: {
      'journeys/model.yaml':
        'kind: Model\nid: shop\nmember:\n  id: string\n  seen_at: datetime?\n  tags: { type: list, items: string }\n  visits: { type: list, items: { type: object, properties: { at: datetime, page: string } } }\nevents:\n  visit:\n    payload:\n      page: string\n    appends:\n      tags: { name: event.page }\n',
      ...withoutJourneys,
    },
    code: 'SL515',
    at: 'journeys/model.yaml:13:7',
  },
  {
    name: 'event append missing a required field',
    changes: {
      'journeys/model.yaml':
        'kind: Model\nid: shop\nmember:\n  id: string\n  seen_at: datetime?\n  tags: { type: list, items: string }\n  visits: { type: list, items: { type: object, properties: { at: datetime, page: string } } }\nevents:\n  visit:\n    payload:\n      page: string\n    appends:\n      visits: { page: event.page }\n',
      ...withoutJourneys,
    },
    code: 'SL518',
    at: 'journeys/model.yaml:13:7',
  },
  {
    name: 'retention by a property the items do not have',
    changes: {
      'journeys/model.yaml':
        'kind: Model\nid: shop\nmember:\n  id: string\n  visits:\n    type: list\n    retention: { days: 30, by: seen }\n    items: { type: object, properties: { at: datetime, page: string } }\nevents:\n  visit:\n    payload:\n      page: string\n',
      ...withoutJourneys,
    },
    code: 'SL524',
    at: 'journeys/model.yaml:7:32',
  },
  {
    name: 'retention by a property that is no datetime',
    changes: {
      'journeys/model.yaml':
        'kind: Model\nid: shop\nmember:\n  id: string\n  visits:\n    type: list\n    retention: { days: 30, by: page }\n    items: { type: object, properties: { at: datetime, page: string } }\nevents:\n  visit:\n    payload:\n      page: string\n',
      ...withoutJourneys,
    },
    code: 'SL524',
    at: 'journeys/model.yaml:7:32',
  },
  {
    name: 'retention of a list whose items are no objects',
    changes: {
      'journeys/model.yaml':
        'kind: Model\nid: shop\nmember:\n  id: string\n  tags: { type: list, items: string, retention: { days: 30, by: at } }\nevents:\n  visit:\n    payload:\n      page: string\n',
      ...withoutJourneys,
    },
    code: 'SL524',
    at: 'journeys/model.yaml:5:65',
  },
  {
    name: 'YAML syntax error',
    changes: { 'journeys/extra.yaml': 'kind: Segment\nid: [unclosed\n' },
    code: 'SL101',
    at: 'journeys/extra.yaml:3:1',
  },
  {
    name: 'duplicate key',
    changes: {
      'journeys/extra.yaml': 'kind: Segment\nid: a\nid: b\ncondition: true\n',
    },
    code: 'SL102',
    at: 'journeys/extra.yaml:3:1',
  },
  {
    name: 'document that is not a mapping',
    changes: { 'journeys/extra.yaml': '- 1\n- 2\n' },
    code: 'SL106',
    at: 'journeys/extra.yaml:1:1',
  },
  {
    name: 'unknown kind',
    changes: { 'journeys/extra.yaml': 'kind: Jorney\nid: x\n' },
    code: 'SL107',
    at: 'journeys/extra.yaml:1:7',
  },
  {
    name: 'alias bomb',
    changes: {
      'journeys/extra.yaml':
        'kind: Segment\nid: bomb\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n' +
        'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n' +
        'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n',
    },
    code: 'SL104',
    at: 'journeys/extra.yaml:1:1',
  },
  {
    name: 'deep nesting',
    changes: {
      'journeys/extra.yaml': `kind: Segment\nid: deep\nx: ${'['.repeat(100)}${']'.repeat(100)}\n`,
    },
    code: 'SL105',
    at: 'journeys/extra.yaml:1:1',
  },
  {
    name: 'text that is not UTF-8',
    changes: {
      'journeys/extra.yaml': Buffer.from(
        'kind: Segment\nid: caf\xff\n',
        'latin1',
      ),
    },
    code: 'SL110',
    at: 'journeys/extra.yaml:1:1',
  },
  {
    name: 'duplicate segment id',
    changes: { 'journeys/extra.yaml': segment('lapsed', 'true') },
    code: 'SL500',
    at: 'journeys/segments.yaml:2:5',
  },
  {
    name: 'no Model',
    changes: { 'journeys/model.yaml': null },
    code: 'SL501',
    at: '',
  },
  {
    name: 'two contact policies',
    changes: { 'journeys/extra.yaml': 'kind: ContactPolicy\nid: other\n' },
    code: 'SL502',
    at: 'journeys/policy.yaml:1:1',
  },
  {
    name: 'no contact policy',
    changes: { 'journeys/policy.yaml': null },
    code: 'SL521',
    at: '',
  },
  {
    name: 'Model without an id attribute (the schema requires it)',
    changes: {
      'journeys/model.yaml':
        'kind: Model\nid: shop\nmember:\n  name: string\nevents: {}\n',
      'journeys/winback.yaml': null,
      'journeys/basket.yaml': null,
      'journeys/segments.yaml': null,
      'journeys/policy.yaml': 'kind: ContactPolicy\nid: default\n',
      'journeys/fixtures.yaml': null,
    },
    code: 'SL201',
    at: 'journeys/model.yaml:3:1',
  },
  {
    name: 'Model whose id is not a string',
    changes: {
      'journeys/model.yaml':
        'kind: Model\nid: shop\nmember:\n  id: integer\nevents: {}\n',
      'journeys/winback.yaml': null,
      'journeys/basket.yaml': null,
      'journeys/segments.yaml': null,
      'journeys/policy.yaml': 'kind: ContactPolicy\nid: default\n',
      'journeys/fixtures.yaml': null,
    },
    code: 'SL505',
    at: 'journeys/model.yaml:4:3',
  },
  {
    name: 'wait whose event always reaches the goal first',
    changes: {
      'journeys/extra.yaml':
        'kind: Journey\nid: extra\ncategory: event_driven\nentry:\n  event: basket_abandoned\n' +
        'goal:\n  event: purchase\n  within: 3d\nsteps:\n  - wait:\n      event: purchase\n' +
        '      timeout: 4h\n      on_event:\n        - exit: bought\n',
    },
    code: 'SL523',
    at: 'journeys/extra.yaml:10:5',
  },
  {
    name: 'unknown offer in a send',
    changes: {
      'journeys/extra.yaml': journey(
        '  - send: { channel: email, template: winback, offer: winback_52 }\n',
      ),
    },
    code: 'SL503',
    at: 'journeys/extra.yaml:7:5',
  },
  {
    name: 'missing template for a send',
    changes: {
      'journeys/extra.yaml': journey(
        '  - send: { channel: email, template: welcome }\n',
      ),
    },
    code: 'SL511',
    at: 'journeys/extra.yaml:7:5',
  },
  {
    name: 'unknown entry event',
    changes: {
      'journeys/extra.yaml':
        'kind: Journey\nid: extra\ncategory: event_driven\nentry:\n  event: purchse\nsteps:\n  - exit: done\n',
    },
    code: 'SL503',
    at: 'journeys/extra.yaml:5:3',
  },
  {
    name: 'unknown entry segment',
    changes: {
      'journeys/extra.yaml':
        'kind: Journey\nid: extra\ncategory: lifecycle\nentry:\n  segment: lapsd\nsteps:\n  - exit: done\n',
    },
    code: 'SL503',
    at: 'journeys/extra.yaml:5:3',
  },
  {
    name: 'unknown goal event',
    changes: {
      'journeys/extra.yaml': journey(
        '  - exit: done\n',
        'goal:\n  event: purchace\n  within: 7d\n',
      ),
    },
    code: 'SL503',
    at: 'journeys/extra.yaml:7:3',
  },
  {
    name: 'segment cycle',
    changes: {
      'journeys/extra.yaml': `${segment('a', 'segment.b')}---\n${segment('b', 'segment.a')}`,
    },
    code: 'SL506',
    at: 'journeys/extra.yaml:3:12',
  },
  {
    name: 'step after an exit',
    changes: {
      'journeys/extra.yaml': journey(
        '  - exit: done\n  - send: { channel: email, template: winback }\n',
      ),
    },
    code: 'SL507',
    at: 'journeys/extra.yaml:8:5',
  },
  {
    name: 'step after a branch whose every path exits',
    changes: {
      'journeys/extra.yaml': journey(
        '  - branch:\n      when: member.consent.sms\n      then: [ { exit: a } ]\n      else: [ { exit: b } ]\n  - wait: 1d\n',
      ),
    },
    code: 'SL507',
    at: 'journeys/extra.yaml:11:5',
  },
  {
    name: 'reminder outside the validity',
    changes: {
      'journeys/offers.yaml':
        'kind: Offer\nid: winback_25\ndiscount: { percent: 25 }\nvalidity: 7d\nreminders:\n  - before_expiry: 7d\n    template: winback_reminder\n',
    },
    code: 'SL509',
    at: 'journeys/offers.yaml:6:5',
  },
  {
    name: 'marketing send on a channel without a consent rule',
    changes: {
      'journeys/policy.yaml':
        'kind: ContactPolicy\nid: default\nconsent:\n  email: member.consent.email\n',
      'journeys/extra.yaml': journey(
        '  - send: { channel: sms, template: winback }\n',
      ),
    },
    code: 'SL510',
    at: 'journeys/extra.yaml:7:5',
  },
  {
    name: 'template missing for the fallback channel',
    changes: { 'templates/basket.sms.hbs': null },
    code: 'SL512',
    at: 'journeys/basket.yaml:13:11',
  },
  {
    name: 'parameter value of the wrong type',
    changes: {
      'journeys/parameters.yaml':
        'kind: Parameters\nid: shop\nvalues:\n  winback_after_days: { type: integer, value: 3.5 }\n',
    },
    code: 'SL205',
    at: 'journeys/parameters.yaml:4:47',
  },
  {
    name: 'split shares that do not add up',
    changes: {
      'journeys/extra.yaml': journey(
        '  - split:\n      variants:\n        - { id: a, share: 50, steps: [ { wait: 1d } ] }\n        - { id: b, share: 30, steps: [ { wait: 1d } ] }\n      holdout: 10\n',
      ),
    },
    code: 'SL514',
    at: 'journeys/extra.yaml:7:5',
  },
  {
    name: 'duplicate variant id',
    changes: {
      'journeys/extra.yaml': journey(
        '  - split:\n      variants:\n        - { id: a, share: 50, steps: [ { wait: 1d } ] }\n        - { id: a, share: 50, steps: [ { wait: 1d } ] }\n',
      ),
    },
    code: 'SL520',
    at: 'journeys/extra.yaml:7:5',
  },
  {
    name: 'duplicate step id',
    changes: {
      'journeys/extra.yaml': journey(
        '  - id: first\n    wait: 1d\n  - id: first\n    wait: 2d\n',
      ),
    },
    code: 'SL516',
    at: 'journeys/extra.yaml:9:5',
  },
  {
    name: 'update of an undeclared attribute',
    changes: {
      'journeys/extra.yaml': journey(
        '  - update:\n      set:\n        vip: true\n',
      ),
    },
    code: 'SL503',
    at: 'journeys/extra.yaml:9:14',
  },
  {
    name: 'update of an unknown property of an object attribute',
    changes: {
      'journeys/extra.yaml': journey(
        '  - update:\n      set:\n        consent.smss: false\n',
      ),
    },
    code: 'SL503',
    at: 'journeys/extra.yaml:9:23',
  },
  {
    name: 'unknown time zone',
    changes: {
      'journeys/policy.yaml':
        'kind: ContactPolicy\nid: default\ntime_zone: Europe/Stokholm\nconsent:\n  email: member.consent.email\n  sms: member.consent.sms\n',
    },
    code: 'SL517',
    at: 'journeys/policy.yaml:1:1',
  },
  {
    name: 'unknown journey in the priorities',
    changes: {
      'journeys/policy.yaml':
        'kind: ContactPolicy\nid: default\nconsent:\n  email: member.consent.email\n  sms: member.consent.sms\npriorities: [winbak]\n',
    },
    code: 'SL503',
    at: 'journeys/policy.yaml:1:1',
  },
  {
    name: 'fixture attribute of the wrong type',
    changes: {
      'journeys/fixtures.yaml': fixture(
        `members:\n${member.replace('level: member', 'level: gold')}`,
      ),
    },
    code: 'SL513',
    at: 'journeys/fixtures.yaml:9:14',
  },
  {
    name: 'fixture attribute the Model does not declare',
    changes: {
      'journeys/fixtures.yaml': fixture(
        `members:\n${member}      shoe_size: 38\n`,
      ),
    },
    code: 'SL513',
    at: 'journeys/fixtures.yaml:12:7',
  },
  {
    name: 'fixture member missing a required attribute',
    changes: {
      'journeys/fixtures.yaml': fixture(
        `members:\n${member.replace('      level: member\n', '')}`,
      ),
    },
    code: 'SL518',
    at: 'journeys/fixtures.yaml:7:7',
  },
  {
    name: 'fixture event of an unknown type',
    changes: {
      'journeys/fixtures.yaml': fixture(
        `members:\n${member}events:\n  - { at: "2025-03-01T10:00", member: eva, type: purchace, payload: {} }\n`,
      ),
    },
    code: 'SL503',
    at: 'journeys/fixtures.yaml:13:50',
  },
  {
    name: 'fixture event for an unknown member',
    changes: {
      'journeys/fixtures.yaml': fixture(
        `members:\n${member}events:\n  - { at: "2025-03-01T10:00", member: ewa, type: basket_abandoned, payload: { value: 10 } }\n`,
      ),
    },
    code: 'SL503',
    at: 'journeys/fixtures.yaml:13:39',
  },
  {
    name: 'fixture event payload of the wrong type',
    changes: {
      'journeys/fixtures.yaml': fixture(
        `members:\n${member}events:\n  - { at: "2025-03-01T10:00", member: eva, type: basket_abandoned, payload: { value: much } }\n`,
      ),
    },
    code: 'SL513',
    at: 'journeys/fixtures.yaml:13:86',
  },
  {
    name: 'fixture expecting an unknown template',
    changes: {
      'journeys/fixtures.yaml': fixture(
        `members:\n${member}expect:\n  - member: eva\n    never_receives: winbak\n`,
      ),
    },
    code: 'SL503',
    at: 'journeys/fixtures.yaml:13:5',
  },
  {
    name: 'fixture expecting an unknown contact rule',
    changes: {
      'journeys/fixtures.yaml': fixture(
        `members:\n${member}expect:\n  - member: eva\n    held_back: { rule: marketing_per_week }\n`,
      ),
    },
    code: 'SL503',
    at: 'journeys/fixtures.yaml:13:5',
  },
];

describe('broken workspaces', () => {
  test.each(rows)('$name: $code at $at', async (row) => {
    const folder = await copyWorkspace(minimalWorkspace, row.changes);
    const result = await checkWorkspace(folder);
    const found = result.diagnostics.map((diagnostic) => ({
      code: diagnostic.code,
      at:
        diagnostic.span === undefined
          ? ''
          : `${diagnostic.span.file}:${diagnostic.span.start.line}:${diagnostic.span.start.column}`,
    }));
    expect(found).toContainEqual({ code: row.code, at: row.at });
  });

  test('an update of an unknown property names its object and the property meant', async () => {
    const folder = await copyWorkspace(minimalWorkspace, {
      'journeys/extra.yaml': journey(
        '  - update:\n      set:\n        consent.smss: false\n        email_quarantined.x: true\n',
      ),
    });
    const result = await checkWorkspace(folder);
    expect(result.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      'Unknown property of consent "smss". Did you mean "sms"?',
      'The attribute "email_quarantined" is boolean, not a required object with a property "x".',
    ]);
  });

  test('the minimal workspace itself has no diagnostics', async () => {
    const result = await checkWorkspace(minimalWorkspace);
    expect(result.diagnostics).toEqual([]);
    expect(result.workspace?.journeys.size).toBe(2);
  });

  test('a missing folder is one diagnostic, not a crash', async () => {
    const result = await checkWorkspace('/nonexistent/slinga/workspace');
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual([
      'SL100',
    ]);
  });
});
