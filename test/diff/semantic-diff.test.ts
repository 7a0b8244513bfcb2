import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  diffFixtureSends,
  diffWorkspaces,
  type ComparedSide,
} from '../../src/diff/index.js';
import {
  changedEmails,
  renderChangedEmails,
} from '../../src/diff/render-emails.js';
import { copyWorkspace, minimalWorkspace } from '../support/workspace-copy.js';
import { comparedSide } from './compare-folders.js';
import type { FileChanges } from './git-workspaces.js';
import { scenarios } from './scenarios.js';

let base: ComparedSide;

beforeAll(async () => {
  base = await comparedSide(minimalWorkspace);
});

/** The head side: the minimal workspace with changes. */
async function changed(changes: FileChanges): Promise<ComparedSide> {
  return comparedSide(await copyWorkspace(minimalWorkspace, changes));
}

const head = (file: string, line: number) =>
  ({ side: 'head', file, line }) as const;

const fixtureAt = head('journeys/fixtures.yaml', 1);

describe('the semantic diff and the fixtures it changes', () => {
  test('a changed wait moves the send that follows it', async () => {
    const after = await changed(scenarios.wait);
    expect(diffWorkspaces(base, after)).toEqual([
      {
        area: 'journey',
        id: 'basket',
        change: 'changed',
        summary: null,
        details: [
          {
            change: 'changed',
            what: 'step steps.0 timeout',
            before: '4h',
            after: '2h',
            location: head('journeys/basket.yaml', 9),
          },
        ],
        location: head('journeys/basket.yaml', 1),
      },
      {
        area: 'journey',
        id: 'winback',
        change: 'changed',
        summary: null,
        details: [
          {
            change: 'changed',
            what: 'step steps.1 wait',
            before: '14d',
            after: '7d',
            location: head('journeys/winback.yaml', 12),
          },
        ],
        location: head('journeys/winback.yaml', 1),
      },
    ]);
    expect(diffFixtureSends(base, after)).toEqual([
      {
        id: 'winback_and_basket',
        comparison: 'compared',
        changes: [
          {
            kind: 'moved',
            member: 'bo',
            journey: 'basket',
            step: 'steps.0.wait.on_timeout.0',
            template: 'basket',
            before: sent('2025-03-03 14:00', 'email'),
            after: sent('2025-03-03 12:00', 'email'),
            shift: '-2h',
          },
        ],
        location: fixtureAt,
      },
    ]);
  });

  test('a changed discount changes no send', async () => {
    const after = await changed(scenarios.offer);
    expect(diffWorkspaces(base, after)).toEqual([
      {
        area: 'offer',
        id: 'winback_25',
        change: 'changed',
        summary: null,
        details: [
          {
            change: 'changed',
            what: 'discount',
            before: '25 %',
            after: '30 %',
            location: head('journeys/offers.yaml', 3),
          },
        ],
        location: head('journeys/offers.yaml', 1),
      },
    ]);
    expect(diffFixtureSends(base, after)).toEqual([
      {
        id: 'winback_and_basket',
        comparison: 'compared',
        changes: [],
        location: fixtureAt,
      },
    ]);
  });

  test('a retention given to a list is shown apart from its type', async () => {
    const model = await readFile(
      path.join(minimalWorkspace, 'journeys/model.yaml'),
      'utf8',
    );
    const after = await changed({
      'journeys/model.yaml': model.replace(
        '    type: list\n',
        '    type: list\n    retention: { days: 730, by: at }\n',
      ),
    });
    expect(diffWorkspaces(base, after)).toEqual([
      {
        area: 'model',
        id: 'member.purchases',
        change: 'changed',
        summary: null,
        details: [
          {
            change: 'added',
            what: 'retention',
            before: null,
            after: '730 days by at',
            location: head('journeys/model.yaml', 16),
          },
        ],
        location: head('journeys/model.yaml', 16),
      },
    ]);
  });

  test('a changed segment condition is shown as text', async () => {
    const after = await changed(scenarios.condition);
    expect(diffWorkspaces(base, after)).toEqual([
      {
        area: 'segment',
        id: 'lapsed',
        change: 'changed',
        summary: null,
        details: [
          {
            change: 'changed',
            what: 'condition',
            before:
              'has(member.last_purchase_at) and days_since(member.last_purchase_at) > params.winback_after_days',
            after:
              'has(member.last_purchase_at) and days_since(member.last_purchase_at) > 180',
            location: head('journeys/segments.yaml', 3),
          },
        ],
        location: head('journeys/segments.yaml', 1),
      },
    ]);
  });

  test('a stricter entry condition removes the send it let in', async () => {
    const after = await changed(scenarios.entryCondition);
    expect(diffWorkspaces(base, after)).toEqual([
      {
        area: 'journey',
        id: 'basket',
        change: 'changed',
        summary: null,
        details: [
          {
            change: 'changed',
            what: 'entry when',
            before: 'event.value > 100 SEK',
            after: 'event.value > 500 SEK',
            location: head('journeys/basket.yaml', 5),
          },
        ],
        location: head('journeys/basket.yaml', 1),
      },
    ]);
    expect(diffFixtureSends(base, after)[0]?.changes).toEqual([
      {
        kind: 'removed',
        member: 'bo',
        journey: 'basket',
        step: 'steps.0.wait.on_timeout.0',
        template: 'basket',
        before: sent('2025-03-03 14:00', 'email'),
        after: null,
        shift: null,
      },
    ]);
  });

  test('a changed template shows its subject and where its body changed', async () => {
    const after = await changed(scenarios.template);
    expect(diffWorkspaces(base, after)).toEqual([
      {
        area: 'template',
        id: 'winback',
        change: 'changed',
        summary: null,
        details: [
          {
            change: 'changed',
            what: 'email subject',
            before: 'Hej {{coalesce member.first_name "du"}}',
            after: 'Vi saknar dig, {{coalesce member.first_name "du"}}',
            location: head('templates/winback.mjml', 2),
          },
          {
            change: 'changed',
            what: 'email body',
            before: null,
            after: null,
            location: head('templates/winback.mjml', 5),
          },
        ],
        location: head('templates/winback.mjml', 2),
      },
    ]);
    expect(changedEmails(base.workspace, after.workspace)).toEqual(['winback']);
    expect(diffFixtureSends(base, after)[0]?.changes).toEqual([]);
  });

  test('a longer cap window holds back the reminders', async () => {
    const after = await changed(scenarios.cap);
    expect(diffWorkspaces(base, after)).toEqual([
      {
        area: 'policy',
        id: 'default',
        change: 'changed',
        summary: null,
        details: [
          {
            change: 'changed',
            what: 'cap marketing_per_day window',
            before: '1d',
            after: '30d',
            location: head('journeys/policy.yaml', 7),
          },
        ],
        location: head('journeys/policy.yaml', 1),
      },
    ]);
    const reminder = (member: string, channel: 'email' | 'sms') => ({
      kind: 'held_back_changed',
      member,
      journey: 'winback',
      step: 'winback_25.reminder.0',
      template: 'winback_reminder',
      before: sent('2025-03-24 09:00', channel),
      after: {
        ...sent('2025-03-24 09:00', channel),
        outcome: 'held_back',
        rule: 'marketing_per_day',
      },
      shift: null,
    });
    expect(diffFixtureSends(base, after)[0]?.changes).toEqual([
      reminder('anna', 'email'),
      reminder('dan', 'sms'),
    ]);
  });

  test('a journey removed and one added, with the policy that ranks them', async () => {
    const after = await changed(scenarios.journeys);
    const priorities = head('journeys/policy.yaml', 19);
    expect(diffWorkspaces(base, after)).toEqual([
      {
        area: 'policy',
        id: 'default',
        change: 'changed',
        summary: null,
        details: [
          {
            change: 'removed',
            what: 'priority of basket',
            before: '2',
            after: null,
            location: priorities,
          },
          {
            change: 'added',
            what: 'priority of basket_sms',
            before: null,
            after: '2',
            location: priorities,
          },
        ],
        location: head('journeys/policy.yaml', 1),
      },
      {
        area: 'journey',
        id: 'basket',
        change: 'removed',
        summary:
          'event_driven; on event basket_abandoned, when event.value > 100 SEK; 1 step',
        details: [],
        location: { side: 'base', file: 'journeys/basket.yaml', line: 1 },
      },
      {
        area: 'journey',
        id: 'basket_sms',
        change: 'added',
        summary: 'event_driven; on event basket_abandoned; 1 step',
        details: [],
        location: head('journeys/basket-sms.yaml', 1),
      },
    ]);
    expect(diffFixtureSends(base, after)[0]?.changes).toEqual([
      {
        kind: 'added',
        member: 'bo',
        journey: 'basket_sms',
        step: 'steps.0',
        template: 'basket',
        before: null,
        after: sent('2025-03-03 10:00', 'sms'),
        shift: null,
      },
      {
        kind: 'removed',
        member: 'bo',
        journey: 'basket',
        step: 'steps.0.wait.on_timeout.0',
        template: 'basket',
        before: sent('2025-03-03 14:00', 'email'),
        after: null,
        shift: null,
      },
    ]);
  });

  test('a step inserted before others is one added step, not a renumbering', async () => {
    const after = await changed({
      'journeys/winback.yaml': [
        'kind: Journey',
        'id: winback',
        'category: lifecycle',
        'entry:',
        '  schedule: { every: day, at: "09:00" }',
        '  audience: segment.lapsed and member.consent.email',
        'goal:',
        '  event: purchase',
        '  within: 30d',
        'steps:',
        '  - wait: { until: "10:00" }',
        '  - send: { channel: email, template: winback, offer: winback_25 }',
        '  - wait: 14d',
        '  - branch:',
        '      when: offer.redeemed',
        '      then:',
        '        - exit: redeemed',
        '',
      ].join('\n'),
    });
    expect(diffWorkspaces(base, after)[0]?.details).toEqual([
      {
        change: 'added',
        what: 'step steps.0',
        before: null,
        after: 'wait until 10:00',
        location: head('journeys/winback.yaml', 11),
      },
    ]);
  });

  test('a fixture only on one side is reported, not compared', async () => {
    const fixtures = await changed({ 'journeys/fixtures.yaml': null });
    expect(diffFixtureSends(base, fixtures)).toEqual([
      {
        id: 'winback_and_basket',
        comparison: 'only_base',
        changes: [],
        location: { side: 'base', file: 'journeys/fixtures.yaml', line: 1 },
      },
    ]);
  });
});

function sent(at: string, channel: 'email' | 'sms') {
  return {
    at,
    channel,
    offer: null,
    outcome: 'sent',
    rule: null,
  };
}

describe('changed emails', () => {
  test('are rendered before and after as HTML, without a browser', async () => {
    const after = await changed(scenarios.template);
    const out = await mkdtemp(path.join(tmpdir(), 'slinga-render-'));
    const rendering = await renderChangedEmails(
      base.workspace,
      after.workspace,
      { out, browser: '/no/such/browser', startDay: 20_150 },
    );
    const files = (side: string) => [path.join(out, `winback.${side}.html`)];
    expect(rendering).toEqual({
      changed: ['winback'],
      status: 'rendered',
      note: 'no browser at /no/such/browser: HTML only, no screenshots',
      emails: [
        { template: 'winback', before: files('before'), after: files('after') },
      ],
    });
    const html = await readFile(path.join(out, 'winback.after.html'), 'utf8');
    expect(html).toContain('Välkommen tillbaka!');
  });

  test('are skipped with a note when their folder cannot be made, and the file in the way is kept', async () => {
    const after = await changed(scenarios.template);
    const folder = await mkdtemp(path.join(tmpdir(), 'slinga-render-'));
    const out = path.join(folder, 'notes.txt');
    await writeFile(out, 'keep me');
    const rendering = await renderChangedEmails(
      base.workspace,
      after.workspace,
      { out, browser: '/no/such/browser', startDay: 20_150 },
    );
    expect(rendering).toEqual({
      changed: ['winback'],
      status: 'skipped',
      note: `cannot save the rendered emails in ${out}: EEXIST: file already exists, mkdir '${out}'`,
      emails: [],
    });
    expect(await readFile(out, 'utf8')).toBe('keep me');
  });
});
