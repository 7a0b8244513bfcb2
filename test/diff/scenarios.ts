import { readFileSync } from 'node:fs';
import path from 'node:path';
import { minimalWorkspace } from '../support/workspace-copy.js';
import type { FileChanges } from './git-workspaces.js';

/** A file of the minimal workspace with one text replaced. */
function edit(file: string, from: string, to: string): FileChanges {
  const text = readFileSync(path.join(minimalWorkspace, file), 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no "${from}"`);
  return { [file]: text.replace(from, to) };
}

/** The changes the diff tests make to the minimal workspace. */
export const scenarios = {
  /** The basket reminder waits 2h instead of 4h; the winback wait halves. */
  wait: {
    ...edit('journeys/basket.yaml', 'timeout: 4h', 'timeout: 2h'),
    ...edit('journeys/winback.yaml', 'wait: 14d', 'wait: 7d'),
  },
  /** The winback offer gives 30 % instead of 25 %. */
  offer: edit('journeys/offers.yaml', 'percent: 25', 'percent: 30'),
  /** Members count as lapsed after 180 days instead of a year. */
  condition: edit(
    'journeys/segments.yaml',
    '> params.winback_after_days',
    '> 180',
  ),
  /** Baskets count from 500 SEK: bo's 450 SEK basket no longer does. */
  entryCondition: edit(
    'journeys/basket.yaml',
    'event.value > 100 SEK',
    'event.value > 500 SEK',
  ),
  /** The winback email gets a new subject and body. */
  template: {
    'templates/winback.mjml': [
      '---',
      'subject: Vi saknar dig, {{coalesce member.first_name "du"}}',
      'preheader: Ett erbjudande',
      '---',
      '<mjml><mj-body><mj-section><mj-column><mj-text>Välkommen tillbaka!</mj-text><mj-text><a href="{{unsubscribe_url}}">Avregistrera dig</a></mj-text></mj-column></mj-section></mj-body></mjml>',
      '',
    ].join('\n'),
  },
  /** One marketing message per 30 days instead of per day. */
  cap: edit('journeys/policy.yaml', 'window: 1d', 'window: 30d'),
  /** The basket email journey gives way to an SMS one. */
  journeys: {
    'journeys/basket.yaml': null,
    'journeys/basket-sms.yaml': [
      'kind: Journey',
      'id: basket_sms',
      'category: event_driven',
      'entry:',
      '  event: basket_abandoned',
      'steps:',
      '  - send: { channel: sms, template: basket }',
      '',
    ].join('\n'),
    ...edit(
      'journeys/policy.yaml',
      'priorities: [winback, basket]',
      'priorities: [winback, basket_sms]',
    ),
  },
} satisfies Record<string, FileChanges>;
