import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkspace } from '../../src/checking/check-workspace.js';
import { JourneyEngine } from '../../src/runtime/engine.js';
import type { Program } from '../../src/runtime/program.js';
import { buildProgram } from '../../src/simulation/build-program.js';
import { describeEntry } from '../../src/simulation/check-expectations.js';
import { runFixture } from '../../src/simulation/run-fixture.js';
import { testFixtures } from '../../src/simulation/test-fixtures.js';
import { copyWorkspace, minimalWorkspace } from '../support/workspace-copy.js';

const member = (id: string, extra = ''): string =>
  `  - id: ${id}\n    attributes:\n      email_quarantined: false\n      joined_at: "2020-01-01T10:00"\n` +
  `      level: member\n      consent: { email: true, sms: true }\n      purchases: []\n${extra}`;

/** Simulates one fixture in the minimal workspace plus extra files; returns its timeline as text. */
async function timeline(
  files: Record<string, string>,
  fixtureId: string,
): Promise<string[]> {
  const folder = await copyWorkspace(minimalWorkspace, {
    'journeys/fixtures.yaml': null,
    ...files,
  });
  const result = await checkWorkspace(folder);
  expect(
    result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'),
  ).toEqual([]);
  const workspace = result.workspace;
  if (workspace === undefined) throw new Error('workspace did not check');
  const program = buildProgram(workspace);
  const fixture = workspace.fixtures.get(fixtureId);
  if (fixture === undefined) throw new Error(`no fixture ${fixtureId}`);
  return runFixture(program, fixture)
    .filter((entry) => entry.kind === 'send')
    .map(
      (entry) => `${entry.member} ${describeEntry(entry, program.timeZone)}`,
    );
}

/** Builds the program of the minimal workspace, without its fixtures, plus extra files; it must check clean. */
async function programOf(files: Record<string, string>): Promise<Program> {
  const folder = await copyWorkspace(minimalWorkspace, {
    'journeys/fixtures.yaml': null,
    ...files,
  });
  const result = await checkWorkspace(folder);
  expect(result.diagnostics).toEqual([]);
  if (result.workspace === undefined)
    throw new Error('workspace did not check');
  return buildProgram(result.workspace);
}

/** A member record as the engine takes it, joined long before `day`. */
function memberRecord(
  program: Program,
  day: number,
  id: string,
  extra: Record<string, unknown>,
): Record<string, unknown> {
  return {
    id,
    email_quarantined: false,
    joined_at: program.timeZone.toEpoch(day - 1000, 600),
    level: 'member',
    consent: { email: true, sms: true },
    purchases: [],
    ...extra,
  };
}

const daily = (channel: string, at: string): string =>
  `kind: Journey\nid: daily_${channel}\ncategory: lifecycle\nentry:\n  schedule: { every: day, at: "${at}" }\n` +
  `re_entry: always\nsteps:\n  - send: { channel: ${channel}, template: basket }\n`;

describe('the journey engine', () => {
  test('a daily schedule keeps its local time, and a 1-day cap its local day, across the spring daylight-saving change', async () => {
    const lines = await timeline(
      {
        'journeys/extra.yaml': daily('email', '09:30'),
        'journeys/fx.yaml': `kind: Fixture\nid: dst\nperiod: { start: "2025-03-29", days: 3 }\nmembers:\n${member('eva')}`,
      },
      'dst',
    );
    expect(lines.filter((line) => line.includes('basket'))).toEqual([
      'eva 2025-03-29 09:30 receives basket by email [daily_email/steps.0]',
      'eva 2025-03-30 09:30 receives basket by email [daily_email/steps.0]',
      'eva 2025-03-31 09:30 receives basket by email [daily_email/steps.0]',
    ]);
  });

  test('quiet hours across midnight defer an SMS to their end', async () => {
    const lines = await timeline(
      {
        'journeys/extra.yaml': daily('sms', '23:15'),
        'journeys/fx.yaml': `kind: Fixture\nid: quiet\nperiod: { start: "2025-05-01", days: 2 }\nmembers:\n${member('eva')}`,
      },
      'quiet',
    );
    expect(lines).toEqual([
      'eva 2025-05-01 23:15 deferred basket by sms by quiet_hours_sms [daily_sms/steps.0]',
      'eva 2025-05-02 09:00 receives basket by sms [daily_sms/steps.0]',
      'eva 2025-05-02 23:15 deferred basket by sms by quiet_hours_sms [daily_sms/steps.0]',
    ]);
  });

  test('a cap counts over a rolling window, not a calendar day', async () => {
    const abandoned = (at: string): string =>
      `  - { at: "${at}", member: eva, type: basket_abandoned, payload: { value: 500 } }\n`;
    const journey =
      'kind: Journey\nid: basket\ncategory: event_driven\nentry:\n  event: basket_abandoned\nre_entry: always\n' +
      'steps:\n  - send: { channel: email, template: basket }\n';
    const lines = await timeline(
      {
        'journeys/basket.yaml': journey,
        'journeys/fx.yaml':
          `kind: Fixture\nid: cap\nperiod: { start: "2025-05-01", days: 3 }\nmembers:\n${member('eva')}events:\n` +
          abandoned('2025-05-01T12:00') +
          abandoned('2025-05-02T11:00') +
          abandoned('2025-05-02T12:30'),
      },
      'cap',
    );
    expect(lines).toEqual([
      'eva 2025-05-01 12:00 receives basket by email [basket/steps.0]',
      'eva 2025-05-02 11:00 held back basket by email by marketing_per_day [basket/steps.0]',
      'eva 2025-05-02 12:30 receives basket by email [basket/steps.0]',
    ]);
  });

  test('re-entry waits for its period', async () => {
    const abandoned = (at: string): string =>
      `  - { at: "${at}", member: eva, type: basket_abandoned, payload: { value: 500 } }\n`;
    const lines = await timeline(
      {
        'journeys/fx.yaml':
          `kind: Fixture\nid: reentry\nperiod: { start: "2025-05-01", days: 12 }\nmembers:\n${member('eva')}events:\n` +
          abandoned('2025-05-01T10:00') +
          abandoned('2025-05-04T10:00') +
          abandoned('2025-05-09T10:00'),
      },
      'reentry',
    );
    expect(lines).toEqual([
      'eva 2025-05-01 14:00 receives basket by email [basket/steps.0.wait.on_timeout.0]',
      'eva 2025-05-09 14:00 receives basket by email [basket/steps.0.wait.on_timeout.0]',
    ]);
  });

  test('a purchase during the wait ends it on the event path', async () => {
    const lines = await timeline(
      {
        'journeys/fx.yaml':
          `kind: Fixture\nid: bought\nperiod: { start: "2025-05-01", days: 1 }\nmembers:\n${member('eva')}events:\n` +
          '  - { at: "2025-05-01T10:00", member: eva, type: basket_abandoned, payload: { value: 500 } }\n' +
          '  - { at: "2025-05-01T11:00", member: eva, type: purchase, payload: { amount: 500, area: home, channel: online } }\n',
      },
      'bought',
    );
    expect(lines).toEqual([]);
  });

  test('when sends compete for the last place under a cap, the listed priority wins', async () => {
    const first =
      'kind: Journey\nid: aaa_first_by_id\ncategory: lifecycle\nentry:\n  schedule: { every: day, at: "09:00" }\n' +
      'steps:\n  - send: { channel: email, template: basket }\n';
    const policy =
      'kind: ContactPolicy\nid: default\nconsent:\n  email: member.consent.email\n  sms: member.consent.sms\n' +
      'caps:\n  - id: marketing_per_day\n    max: 1\n    window: 1d\npriorities: [winback]\n';
    const lines = await timeline(
      {
        'journeys/extra.yaml': first,
        'journeys/policy.yaml': policy,
        'journeys/fx.yaml':
          `kind: Fixture\nid: priority\nperiod: { start: "2025-05-01", days: 1 }\nmembers:\n` +
          member('eva', '      last_purchase_at: "2023-01-01T10:00"\n'),
      },
      'priority',
    );
    expect(lines).toEqual([
      'eva 2025-05-01 09:00 receives winback by email with offer winback_25 [winback/steps.0]',
      'eva 2025-05-01 09:00 held back basket by email by marketing_per_day [aaa_first_by_id/steps.0]',
    ]);
  });

  test('an event updates the member before scheduled entries see it', async () => {
    const lines = await timeline(
      {
        'journeys/fx.yaml':
          `kind: Fixture\nid: effects\nperiod: { start: "2025-05-01", days: 2 }\nmembers:\n` +
          member('eva', '      last_purchase_at: "2023-01-01T10:00"\n') +
          member('bo', '      last_purchase_at: "2023-01-01T10:00"\n') +
          'events:\n  - { at: "2025-05-01T08:00", member: eva, type: purchase, payload: { amount: 300, area: home, channel: store } }\n',
      },
      'effects',
    );
    expect(lines).toEqual([
      'bo 2025-05-01 09:00 receives winback by email with offer winback_25 [winback/steps.0]',
    ]);
  });

  test('a purchase past the retention of the history counts no more, and goes within a week', async () => {
    const model = readFileSync(
      join(minimalWorkspace, 'journeys/model.yaml'),
      'utf8',
    ).replace(
      '    type: list\n',
      '    type: list\n    retention: { days: 30, by: at }\n',
    );
    const program = await programOf({
      'journeys/model.yaml': model,
      'journeys/extra.yaml':
        'kind: Journey\nid: recent_buyers\ncategory: lifecycle\nentry:\n  schedule: { every: day, at: "10:00" }\n' +
        '  audience: count(member.purchases) >= 1\nre_entry: always\nsteps:\n  - send: { channel: email, template: basket }\n',
    });
    const zone = program.timeZone;
    const start = zone.localDay(Date.parse('2025-05-01T12:00:00Z'));
    const bought = zone.toEpoch(start - 28, 12 * 60);
    const eva = memberRecord(program, start, 'eva', {
      purchases: [{ at: bought, amount: 300, area: 'home', channel: 'store' }],
    });
    const sends: number[] = [];
    const engine = new JourneyEngine(program, [eva], {
      onSend: (send) => {
        if (send.outcome === 'sent') sends.push(zone.localDay(send.at) - start);
      },
    });
    // Ten days: each member's upkeep comes once in seven.
    for (let day = start; day < start + 10; day++) {
      engine.planDay(day);
      engine.runUntil(zone.toEpoch(day + 1, 0));
    }
    // 28 days old at noon before the first day: sends at 10:00 on days 0 to
    // 2, none from day 3, when the purchase is 30 days and 22 hours old.
    expect(sends).toEqual([0, 1, 2]);
    expect(eva['purchases']).toEqual([]);
  });

  test('a member who joins inside a segment enters its segment-triggered journey on the day he joins', async () => {
    const program = await programOf({
      'journeys/extra.yaml':
        'kind: Journey\nid: lapsed_entry\ncategory: lifecycle\nentry:\n  segment: lapsed\n' +
        'steps:\n  - send: { channel: email, template: basket }\n',
    });
    const zone = program.timeZone;
    const start = zone.localDay(Date.parse('2025-05-01T12:00:00Z'));
    const person = (id: string) =>
      memberRecord(program, start, id, {
        last_purchase_at: zone.toEpoch(start - 800, 600),
      });
    // Eva is lapsed from the start: the first day is the baseline, so she
    // does not enter. Bo joins lapsed after it, and enters on his first day.
    const members: Record<string, unknown>[] = [person('eva')];
    const sends: string[] = [];
    const engine = new JourneyEngine(program, members, {
      onSend: (send) => {
        if (send.journey === 'lapsed_entry')
          sends.push(
            `${send.member} ${zone.localDay(send.at) - start} ${send.outcome}`,
          );
      },
    });
    for (let day = start; day < start + 3; day++) {
      if (day === start + 1) members.push(person('bo'));
      engine.planDay(day);
      engine.runUntil(zone.toEpoch(day + 1, 0));
    }
    // Held back, not missing: winback, first in the priorities, took the
    // day's one marketing message.
    expect(sends).toEqual(['bo 1 held_back']);
  });

  test('an update step changes the member before later entries the same day see it', async () => {
    const journey = (id: string, at: string, audience: string, step: string) =>
      `kind: Journey\nid: ${id}\ncategory: lifecycle\nentry:\n  schedule: { every: day, at: "${at}" }\n` +
      `  audience: ${audience}\nre_entry: never\nsteps:\n  - ${step}\n`;
    const lines = await timeline(
      {
        'journeys/promote.yaml': journey(
          'promote',
          '08:00',
          'member.level == "member"',
          'update: { set: { level: \'"plus1500"\' } }',
        ),
        'journeys/vip.yaml': journey(
          'vip',
          '10:00',
          'member.level == "plus1500"',
          'send: { channel: email, template: basket }',
        ),
        'journeys/fx.yaml': `kind: Fixture\nid: promoted\nperiod: { start: "2025-05-01", days: 1 }\nmembers:\n${member('eva')}`,
      },
      'promoted',
    );
    expect(lines).toEqual([
      'eva 2025-05-01 10:00 receives basket by email [vip/steps.0]',
    ]);
  });

  test('a failing expectation is reported with the actual timeline', async () => {
    const folder = await copyWorkspace(minimalWorkspace, {
      'journeys/fixtures.yaml':
        `kind: Fixture\nid: wrong\nperiod: { start: "2025-05-01", days: 1 }\nmembers:\n${member('eva')}` +
        'expect:\n  - member: eva\n    receives: { template: basket }\n',
    });
    const result = await checkWorkspace(folder);
    if (result.workspace === undefined)
      throw new Error('workspace did not check');
    const [outcome] = testFixtures(
      result.workspace,
      buildProgram(result.workspace),
    );
    expect(
      outcome?.failures.map((failure) => [failure.expected, failure.actual]),
    ).toEqual([['receives basket', []]]);
  });
});
