import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkWorkspace } from '../../src/checking/check-workspace.js';
import { TimeZone } from '../../src/runtime/time-zone.js';
import type {
  CompiledEmail,
  RenderContext,
} from '../../src/templates/index.js';
import { compileTemplates } from '../../src/templates/index.js';
import {
  compileOptions,
  createTemplateEnvironment,
} from '../../src/templates/template-environment.js';
import { partHelper } from '../../src/templates/email-part-helper.js';
import {
  wholeEmail,
  type EmailSources,
  type RenderedParts,
} from '../../src/templates/whole-email.js';

const repositoryRoot = path.join(import.meta.dirname, '..', '..');

/** Text that HTML escaping changes, and that plain text must keep. */
const awkward = `<b>"Åsa" & 'Bo'</b> {{x}}`;

/**
 * The context with every string of the member replaced by awkward text, or
 * left out: what escaping and the `if` blocks of a template see differently.
 */
function variants(sample: RenderContext): RenderContext[] {
  const replaced = (value: unknown): unknown =>
    typeof value === 'string' ? awkward : value;
  const member = (change: (value: unknown) => unknown) =>
    Object.fromEntries(
      Object.entries(sample.member).map(([key, value]) => [key, change(value)]),
    );
  return [
    sample,
    { ...sample, member: member(replaced), unsubscribe_url: awkward },
    { ...sample, member: member(() => undefined) },
  ];
}

function partByPart(email: CompiledEmail, context: RenderContext) {
  return {
    subject: email.subject(context),
    preheader: email.preheader(context),
    html: email.html(context),
    text: email.text(context),
  };
}

describe('rendering a whole email in one call', () => {
  let emails: [string, CompiledEmail][] = [];

  beforeAll(async () => {
    const checked = await checkWorkspace(repositoryRoot);
    const workspace = checked.workspace;
    if (workspace === undefined) throw new Error('the workspace has errors');
    const compiled = await compileTemplates(workspace);
    emails = [...compiled.templates].flatMap(([id, template]) =>
      template.email === undefined ? [] : [[id, template.email]],
    );
  });

  test('gives every bundled email exactly as its parts rendered one by one', () => {
    expect(emails.length).toBeGreaterThan(30);
    for (const [id, email] of emails) {
      for (const context of variants(email.sample)) {
        expect(email.render(context), id).toEqual(partByPart(email, context));
      }
    }
  });
});

describe('the merged template', () => {
  const environment = createTemplateEnvironment(new TimeZone());
  const context: RenderContext = {
    member: { first_name: '<Åsa>', vip: true, items: ['a', 'b'] },
    params: {},
    unsubscribe_url: 'https://example.com/u?a=1&b=2',
    recommendations: { products: () => [] },
  };

  /** Each source compiled alone, as the parts of a compiled email are. */
  function alone(sources: EmailSources): (c: RenderContext) => RenderedParts {
    const plain = compileOptions(false);
    const subject = environment.compile(sources.subject, plain);
    const preheader = environment.compile(sources.preheader, plain);
    const html = environment.compile(sources.html, compileOptions(true));
    const text = environment.compile(sources.text, plain);
    return (c) => [subject(c), preheader(c), html(c), text(c)];
  }

  test('keeps each part its own whitespace handling and escaping', () => {
    const sources: EmailSources = {
      // A line break at the very start or end of the merged template would
      // look like a standalone block line there.
      subject: ' \nHej {{~member.first_name~}}  & co ',
      preheader: '{{#if member.vip}}\nVIP {{member.first_name}}\n{{/if}}\n',
      html:
        '<p>{{member.first_name}}</p>\n{{#each member.items}}\n' +
        '  <li>{{this}}</li>\n{{/each}}\n<a href="{{unsubscribe_url}}">x</a>',
      text:
        '{{#each member.items}}\n{{this}} {{../member.first_name}}\n' +
        '{{else}}\nnone\n{{/each}}\n{{unsubscribe_url}}\n  ',
    };
    const byPart = alone(sources);
    const whole = wholeEmail(sources, environment, () => {
      throw new Error('the parts were merged');
    });
    expect(whole(context)).toEqual(byPart(context));
    expect(whole(context)[0]).toBe(' \nHej<Åsa>& co ');
    expect(whole(context)[2]).toContain('<p>&lt;Åsa&gt;</p>');
  });

  test('renders part by part when a variable has the part helper name', () => {
    const sources: EmailSources = {
      subject: `{{${partHelper}}}`,
      preheader: '',
      html: '<p>x</p>',
      text: 'x',
    };
    const byPart = alone(sources);
    const whole = wholeEmail(sources, environment, byPart);
    const named = { ...context, [partHelper]: 'named' } as RenderContext;
    expect(whole(named)).toEqual(['named', '', '<p>x</p>', 'x']);
  });
});
