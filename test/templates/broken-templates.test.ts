import { describe, expect, test } from 'vitest';
import { checkWorkspace } from '../../src/checking/check-workspace.js';
import { copyWorkspace, minimalWorkspace } from '../support/workspace-copy.js';

interface Row {
  readonly name: string;
  readonly changes: Readonly<Record<string, string | null>>;
  readonly code: string;
  /** `file:line:column` of the diagnostic. */
  readonly at: string;
  /** The whole message, where the wording matters. */
  readonly message?: string;
}

/**
 * An email of the minimal workspace: front matter on lines 1–3, the opening
 * MJML tags on line 4, `body` from line 5, then an unsubscribe link.
 */
const email = (body: string, frontMatter = 'subject: Hej\n'): string =>
  `---\n${frontMatter}---\n<mjml><mj-body><mj-section><mj-column>\n${body}\n` +
  '<mj-text><a href="{{unsubscribe_url}}">Avregistrera dig</a></mj-text>\n' +
  '</mj-column></mj-section></mj-body></mjml>\n';

/** A second journey that sends `template` (after a purchase, or daily). */
const journey = (template: string, entry = 'event: purchase'): string =>
  `kind: Journey\nid: extra\ncategory: event_driven\nentry:\n  ${entry}\n` +
  `steps:\n  - send: { channel: email, template: ${template} }\n`;

const basket = 'templates/basket.mjml';

const rows: Row[] = [
  {
    name: 'unknown variable',
    changes: { [basket]: email('<mj-text>Hej {{membr.first_name}}</mj-text>') },
    code: 'SL811',
    at: 'templates/basket.mjml:5:16',
    message: 'Unknown variable "membr". Did you mean "member"?',
  },
  {
    name: 'unknown member attribute',
    changes: { [basket]: email('<mj-text>{{member.frist_name}}</mj-text>') },
    code: 'SL812',
    at: 'templates/basket.mjml:5:12',
    message: '"member" has no field "frist_name". Did you mean "first_name"?',
  },
  {
    name: 'optional value without a guard',
    changes: {
      [basket]: email('<mj-text>Hej\n{{member.first_name}}</mj-text>'),
    },
    code: 'SL815',
    at: 'templates/basket.mjml:6:3',
    message:
      '"member.first_name" is optional (string?) and may be missing here.',
  },
  {
    name: 'optional value in the subject',
    changes: {
      [basket]: email(
        '<mj-text>Hej</mj-text>',
        'subject: Hej {{member.first_name}}\n',
      ),
    },
    code: 'SL815',
    at: 'templates/basket.mjml:2:16',
  },
  {
    name: 'optional value as a helper argument',
    changes: {
      [basket]: email('<mj-text>{{format_date member.birth_date}}</mj-text>'),
    },
    code: 'SL815',
    at: 'templates/basket.mjml:5:24',
  },
  {
    name: 'offer in a template no send gives an offer',
    changes: { [basket]: email('<mj-text>Kod: {{offer.code}}</mj-text>') },
    code: 'SL813',
    at: 'templates/basket.mjml:5:17',
    message:
      'There is no offer here: no send of this template carries an offer.',
  },
  {
    name: 'offer when only some sends carry one',
    changes: {
      'journeys/extra.yaml': journey('winback'),
      'templates/winback.mjml': email('<mj-text>Kod: {{offer.code}}</mj-text>'),
    },
    code: 'SL815',
    at: 'templates/winback.mjml:5:17',
  },
  {
    name: 'event in a template of a scheduled journey',
    changes: {
      'templates/winback.mjml': email('<mj-text>{{event.type}}</mj-text>'),
    },
    code: 'SL814',
    at: 'templates/winback.mjml:5:12',
    message:
      'There is no event here: journey "winback" starts on a schedule, not an event.',
  },
  {
    name: 'unknown event field',
    changes: { [basket]: email('<mj-text>{{event.valu}}</mj-text>') },
    code: 'SL812',
    at: 'templates/basket.mjml:5:12',
    message: '"event" has no field "valu". Did you mean "value"?',
  },
  {
    name: 'event field that not every sending journey has',
    changes: {
      'journeys/extra.yaml': journey('basket'),
      [basket]: email('<mj-text>{{format_money event.value}}</mj-text>'),
    },
    code: 'SL812',
    at: 'templates/basket.mjml:5:25',
    message:
      '"event" has no field "value". The events that lead here differ: journey "basket" (basket_abandoned) as money has it, not journey "extra" (purchase).',
  },
  {
    name: 'unknown recommendation provider',
    changes: {
      [basket]: email(
        '{{#each (recommendations "beauty_persona" 3)}}<mj-text>{{name}}</mj-text>{{/each}}',
      ),
    },
    code: 'SL818',
    at: 'templates/basket.mjml:5:26',
    message:
      'Unknown recommendation provider "beauty_persona". Did you mean "beauty_personal"?',
  },
  {
    name: 'member inside a product block',
    changes: {
      [basket]: email(
        '{{#each (recommendations "home_bestsellers" 3)}}<mj-text>{{member.id}}</mj-text>{{/each}}',
      ),
    },
    code: 'SL812',
    at: 'templates/basket.mjml:5:60',
    message:
      '"this" has no field "member". Inside a block, write @root.member or ../member.',
  },
  {
    name: 'too many recommendations',
    changes: {
      [basket]: email(
        '{{#each (recommendations "home_bestsellers" 50)}}<mj-text>{{name}}</mj-text>{{/each}}',
      ),
    },
    code: 'SL817',
    at: 'templates/basket.mjml:5:9',
  },
  {
    name: 'unknown helper',
    changes: {
      [basket]: email('<mj-text>{{fomat_money event.value}}</mj-text>'),
    },
    code: 'SL816',
    at: 'templates/basket.mjml:5:12',
    message: 'Unknown helper "fomat_money". Did you mean "format_money"?',
  },
  {
    name: 'each over something that is not a list',
    changes: {
      [basket]: email('{{#each member.id}}<mj-text>x</mj-text>{{/each}}'),
    },
    code: 'SL817',
    at: 'templates/basket.mjml:5:4',
  },
  {
    name: '@index outside each',
    changes: { [basket]: email('<mj-text>{{@index}}</mj-text>') },
    code: 'SL811',
    at: 'templates/basket.mjml:5:12',
  },
  {
    name: 'date shown as a number',
    changes: { [basket]: email('<mj-text>{{member.joined_at}}</mj-text>') },
    code: 'SL819',
    at: 'templates/basket.mjml:5:12',
  },
  {
    name: 'format_date of a string',
    changes: {
      [basket]: email('<mj-text>{{format_date member.id}}</mj-text>'),
    },
    code: 'SL817',
    at: 'templates/basket.mjml:5:10',
  },
  {
    name: 'money without format_money',
    changes: { [basket]: email('<mj-text>{{event.value}} kr</mj-text>') },
    code: 'SL820',
    at: 'templates/basket.mjml:5:12',
  },
  {
    name: 'triple braces in HTML',
    changes: { [basket]: email('<mj-text>{{{member.id}}}</mj-text>') },
    code: 'SL821',
    at: 'templates/basket.mjml:5:10',
  },
  {
    name: 'partial',
    changes: { [basket]: email('<mj-text>{{> footer}}</mj-text>') },
    code: 'SL822',
    at: 'templates/basket.mjml:5:10',
  },
  {
    name: 'prototype property',
    changes: { [basket]: email('<mj-text>{{member.constructor}}</mj-text>') },
    code: 'SL812',
    at: 'templates/basket.mjml:5:12',
  },
  {
    name: 'Handlebars syntax error',
    changes: { [basket]: email('<mj-text>{{#if member.id}}x</mj-text>') },
    code: 'SL810',
    at: 'templates/basket.mjml:8:1',
  },
  {
    name: 'marketing email without an unsubscribe link',
    changes: {
      [basket]:
        '---\nsubject: Hej\n---\n<mjml><mj-body><mj-section><mj-column>\n' +
        '<mj-text>Hej!</mj-text>\n</mj-column></mj-section></mj-body></mjml>\n',
    },
    code: 'SL843',
    at: 'templates/basket.mjml:4:1',
    message:
      'A marketing email must contain an unsubscribe link: {{unsubscribe_url}} (it is sent by journey "basket").',
  },
  {
    name: 'offer reminder without an unsubscribe link',
    changes: {
      'templates/winback_reminder.mjml':
        '---\nsubject: Snart slut\n---\n<mjml><mj-body><mj-section><mj-column>\n' +
        '<mj-text>Kod: {{offer.code}}</mj-text>\n</mj-column></mj-section></mj-body></mjml>\n',
    },
    code: 'SL843',
    at: 'templates/winback_reminder.mjml:4:1',
  },
  {
    name: 'MJML strict validation error',
    changes: {
      [basket]: email('<mj-text>Hej</mj-text>\n  <mj-colum>x</mj-colum>'),
    },
    code: 'SL840',
    at: 'templates/basket.mjml:6:3',
    message: "MJML: Element mj-colum doesn't exist or is not registered",
  },
  {
    name: 'MJML attribute of the wrong type',
    changes: { [basket]: email('<mj-text padding="lots">Hej</mj-text>') },
    code: 'SL840',
    at: 'templates/basket.mjml:5:1',
  },
  {
    name: 'expression between MJML components',
    changes: { [basket]: email('{{member.id}}<mj-text>Hej</mj-text>') },
    code: 'SL841',
    at: 'templates/basket.mjml:5:1',
  },
  {
    name: 'front matter with a YAML error',
    changes: { [basket]: email('<mj-text>Hej</mj-text>', 'subject: "Hej\n') },
    code: 'SL800',
    at: 'templates/basket.mjml:3:1',
  },
  {
    name: 'front matter that is not closed',
    changes: { [basket]: '---\nsubject: Hej\n<mjml></mjml>\n' },
    code: 'SL800',
    at: 'templates/basket.mjml:1:1',
    message: 'Bad front matter: it is not closed by a line "---".',
  },
  {
    name: 'misspelt front matter key',
    changes: {
      [basket]: email(
        '<mj-text>Hej</mj-text>',
        'subject: Hej\npreheadr: Ett erbjudande\n',
      ),
    },
    code: 'SL801',
    at: 'templates/basket.mjml:3:1',
    message: 'Unknown front matter key "preheadr". Did you mean "preheader"?',
  },
  {
    name: 'front matter value that is not a string',
    changes: { [basket]: email('<mj-text>Hej</mj-text>', 'subject: [Hej]\n') },
    code: 'SL802',
    at: 'templates/basket.mjml:2:10',
  },
  {
    name: 'email without front matter',
    changes: { [basket]: '<mjml><mj-body></mj-body></mjml>\n' },
    code: 'SL803',
    at: 'templates/basket.mjml:1:1',
  },
  {
    name: 'SMS with front matter',
    changes: { 'templates/basket.sms.hbs': '---\nsubject: Hej\n---\nHej!\n' },
    code: 'SL804',
    at: 'templates/basket.sms.hbs:1:1',
  },
  {
    name: 'SMS longer than two parts',
    changes: {
      'templates/basket.sms.hbs': `${'Hej! '.repeat(60)}{{unsubscribe_url}}\n`,
    },
    code: 'SL860',
    at: 'templates/basket.sms.hbs:1:1',
    message:
      'The SMS is 3 parts long with sample values (349 characters, GSM-7).',
  },
  {
    name: 'SMS made UCS-2 by one character',
    changes: { 'templates/basket.sms.hbs': 'Hej! Välkommen ✓ tillbaka.\n' },
    code: 'SL861',
    at: 'templates/basket.sms.hbs:1:16',
    message:
      'The character "✓" (U+2713) makes the SMS UCS-2: 70 characters a part instead of 160.',
  },
];

describe('broken templates', () => {
  test.each(rows)('$name: $code at $at', async (row) => {
    const folder = await copyWorkspace(minimalWorkspace, row.changes);
    const result = await checkWorkspace(folder);
    const found = result.diagnostics.map((diagnostic) => ({
      code: diagnostic.code,
      at:
        diagnostic.span === undefined
          ? ''
          : `${diagnostic.span.file}:${diagnostic.span.start.line}:${diagnostic.span.start.column}`,
      ...(row.message === undefined ? {} : { message: diagnostic.message }),
    }));
    const expected = {
      code: row.code,
      at: row.at,
      ...(row.message === undefined ? {} : { message: row.message }),
    };
    expect(found).toContainEqual(expected);
  });

  test('a guarded optional value, coalesce and else branches pass', async () => {
    const body =
      '<mj-text>{{#if member.first_name}}Hej {{member.first_name}}!{{else}}Hej!{{/if}}</mj-text>\n' +
      '<mj-text>{{#unless member.birth_date}}Ingen dag{{else}}{{format_date member.birth_date}}{{/unless}}</mj-text>\n' +
      '<mj-text>{{coalesce member.first_name "du"}} {{format_date event.at}} {{format_money event.value}}</mj-text>\n' +
      '{{#each member.purchases as |purchase index|}}<mj-text>{{index}}: {{format_money purchase.amount}} {{@root.member.id}} {{../member.level}}</mj-text>{{/each}}\n' +
      '{{#each (recommendations "beauty_personal" 4)}}<mj-text><a href="{{url}}">{{name}}</a> {{brand}} {{format_money price}} {{@index}}</mj-text>{{/each}}';
    const folder = await copyWorkspace(minimalWorkspace, {
      [basket]: email(
        body,
        'subject: "{{coalesce member.first_name \\"du\\"}}"\npreheader: Erbjudande\n',
      ),
    });
    const result = await checkWorkspace(folder);
    expect(result.diagnostics).toEqual([]);
  });
});
