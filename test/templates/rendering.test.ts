import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { checkWorkspace } from '../../src/checking/check-workspace.js';
import { TimeZone } from '../../src/runtime/time-zone.js';
import type {
  CompiledTemplate,
  Product,
  RenderContext,
} from '../../src/templates/index.js';
import { compileTemplates } from '../../src/templates/index.js';
import {
  compileOptions,
  createTemplateEnvironment,
} from '../../src/templates/template-environment.js';
import { createHelperEnvironment } from '../../src/templates/template-helpers.js';
import { copyWorkspace, minimalWorkspace } from '../support/workspace-copy.js';

const basketEmail = [
  '---',
  'subject: "Hej {{coalesce member.first_name \\"du\\"}} & välkommen"',
  'preheader: "Varor för {{format_money event.value}} <väntar>"',
  '---',
  '<mjml><mj-body><mj-section><mj-column>',
  '<mj-text>Hej {{coalesce member.first_name "du"}}!</mj-text>',
  '<mj-text>Kundkorgen är värd {{format_money event.value}}, sparad {{format_date event.at}}.</mj-text>',
  '<mj-text>Medlem sedan {{format_date member.joined_at}}{{#if member.birth_date}}, född {{format_date member.birth_date}}{{/if}}.</mj-text>',
  '<mj-text>Vi tror att du gillar:</mj-text>',
  '{{#each (recommendations "home_bestsellers" 2)}}',
  '<mj-text><a href="{{url}}">{{name}}</a> {{format_money price}}</mj-text>',
  '{{/each}}',
  '<mj-button href="https://example.com/korg">Till kundkorgen</mj-button>',
  '<mj-text><a href="{{unsubscribe_url}}">Avregistrera dig</a></mj-text>',
  '</mj-column></mj-section></mj-body></mjml>',
  '',
].join('\n');

const basketSms =
  'Hej {{coalesce member.first_name "du"}}! Dina varor för {{format_money event.value}} väntar. Avreg: svara STOPP\n';

const products: Product[] = [
  {
    name: 'Kudde <dun>',
    price: 1234.5,
    url: 'https://example.com/p/1?a=1&b=2',
    image_url: 'https://example.com/i/1.jpg',
    brand: 'Hem',
  },
  {
    name: 'Pläd',
    price: 499,
    url: 'https://example.com/p/2',
    image_url: 'https://example.com/i/2.jpg',
    brand: 'Hem',
  },
];

/** 2025-03-14 in Stockholm: 23:30 UTC is already the 15th there. */
const lateEvening = Date.UTC(2025, 2, 14, 23, 30);

function context(firstName: string | undefined): RenderContext {
  return {
    member: {
      id: 'm1',
      first_name: firstName,
      joined_at: Date.UTC(2019, 4, 1, 10),
      birth_date: undefined,
    },
    event: { value: 1234, at: lateEvening, type: 'basket_abandoned' },
    params: {},
    unsubscribe_url: 'https://example.com/avregistrera?m=1&t=2',
    recommendations: {
      products: (_provider, _member, count) => products.slice(0, count),
    },
  };
}

let basket: CompiledTemplate;

beforeAll(async () => {
  const folder = await copyWorkspace(minimalWorkspace, {
    'templates/basket.mjml': basketEmail,
    'templates/basket.sms.hbs': basketSms,
  });
  const checked = await checkWorkspace(folder);
  expect(checked.diagnostics).toEqual([]);
  const workspace = checked.workspace;
  if (workspace === undefined) throw new Error('the workspace has errors');
  const compiled = await compileTemplates(workspace);
  expect(compiled.diagnostics).toEqual([]);
  expect([...compiled.templates.keys()].sort()).toEqual([
    'basket',
    'winback',
    'winback_reminder',
  ]);
  const found = compiled.templates.get('basket');
  if (found === undefined) throw new Error('basket did not compile');
  basket = found;
});

describe('compiled email', () => {
  const script = '<script>alert("x")</script>';

  test('escapes member data in the HTML', () => {
    const html = basket.email?.html(context(script)) ?? '';
    expect(html).toContain(
      'Hej &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;!',
    );
    expect(html).not.toContain('<script>alert');
  });

  test('renders the subject and preheader as plain text', () => {
    expect(basket.email?.subject(context('Åsa'))).toBe('Hej Åsa & välkommen');
    expect(basket.email?.subject(context(undefined))).toBe(
      'Hej du & välkommen',
    );
    expect(basket.email?.preheader(context('Åsa'))).toBe(
      'Varor för 1 234 kr <väntar>',
    );
  });

  test('puts the preheader, escaped, first in the body', () => {
    const html = basket.email?.html(context('Åsa')) ?? '';
    const body = html.slice(html.indexOf('<body'));
    expect(body).toMatch(
      /^<body[^>]*><div style="display:none;[^"]*">Varor för 1 234 kr &lt;väntar&gt;<\/div>/,
    );
  });

  test('repeats a recommendation block per product', () => {
    const html = basket.email?.html(context('Åsa')) ?? '';
    expect(html).toContain(
      '<a href="https://example.com/p/1?a&#x3D;1&amp;b&#x3D;2">Kudde &lt;dun&gt;</a> 1 234,50 kr',
    );
    expect(html).toContain('<a href="https://example.com/p/2">Pläd</a> 499 kr');
  });

  test('derives the text version with links as text (url)', () => {
    expect(basket.email?.text(context(script))).toBe(
      [
        `Hej ${script}!`,
        '',
        'Kundkorgen är värd 1 234 kr, sparad 2025-03-15.',
        '',
        'Medlem sedan 2019-05-01.',
        '',
        'Vi tror att du gillar:',
        '',
        'Kudde <dun> (https://example.com/p/1?a=1&b=2) 1 234,50 kr',
        'Pläd (https://example.com/p/2) 499 kr',
        '',
        'Till kundkorgen (https://example.com/korg)',
        '',
        'Avregistrera dig (https://example.com/avregistrera?m=1&t=2)',
      ].join('\n'),
    );
  });

  test('formats a date and shows a guarded optional value when present', () => {
    const withBirthday = {
      ...context('Åsa'),
      member: { ...context('Åsa').member, birth_date: 20_000 },
    };
    expect(basket.email?.text(withBirthday)).toContain(
      'Medlem sedan 2019-05-01, född 2024-10-04.',
    );
  });
});

describe('compiled SMS', () => {
  test('renders plain text, unescaped', () => {
    expect(basket.sms?.text(context('Åsa & <Bo>'))).toBe(
      'Hej Åsa & <Bo>! Dina varor för 1 234 kr väntar. Avreg: svara STOPP',
    );
  });

  test('is measured with sample values: Swedish letters stay GSM-7', () => {
    expect(basket.sms?.encoding).toBe('gsm7');
    expect(basket.sms?.parts).toBe(1);
  });
});

describe('the template environment', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  test('never reads prototype properties', () => {
    // Handlebars logs each denied property once; keep the test output quiet.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const environment = createTemplateEnvironment(new TimeZone());
    const render = environment.compile(
      '[{{member.constructor}}|{{member.__proto__}}|{{member.constructor.name}}|{{member.toString}}]',
      compileOptions(true),
    );
    expect(render(context('Åsa'))).toBe('[|||]');
  });

  test('has no lookup helper to reach properties by computed name', () => {
    const environment = createTemplateEnvironment(new TimeZone());
    const render = environment.compile(
      '{{lookup member "id"}}',
      compileOptions(true),
    );
    expect(() => render(context('Åsa'))).toThrow();
  });

  test('registers every helper that compiled templates may call', () => {
    const environment = createHelperEnvironment(new TimeZone());
    const known = Object.keys(compileOptions(false).knownHelpers ?? {});
    expect(known.length).toBeGreaterThan(0);
    expect(known.filter((name) => !(name in environment.helpers))).toEqual([]);
  });
});
