import { describe, expect, test } from 'vitest';
import { htmlToText } from '../../src/templates/html-to-text.js';

describe('the text version of an email', () => {
  test('keeps text and links, drops head, styles and comments', () => {
    const html =
      '<html><head><title>T</title><style>p { color: red }</style></head><body>' +
      '<!--[if mso]><table><tr><td><![endif]-->' +
      '<div>Hej &amp; välkommen!<br/>Rad två</div>' +
      '<p>Läs <a href="https://example.com/a?x=1&amp;y=2">villkoren</a>.</p>' +
      '<a href="https://example.com">https://example.com</a>' +
      '<a href="#top"><img src="x.png" alt="Logo"></a>' +
      '</body></html>';
    expect(htmlToText(html)).toBe(
      'Hej & välkommen!\nRad två\nLäs villkoren (https://example.com/a?x=1&y=2).\nhttps://example.com',
    );
  });

  test('keeps Handlebars expressions, with block tags on lines of their own', () => {
    const html =
      '<div>Förslag:</div>\n{{#each list}}\n<tr><td><div>{{name}}</div></td></tr>\n{{/each}}\n' +
      '<div><a href="{{unsubscribe_url}}">Avregistrera dig</a></div>';
    expect(htmlToText(html)).toBe(
      'Förslag:\n\n{{#each list}}\n{{name}}\n{{/each}}\nAvregistrera dig ({{unsubscribe_url}})',
    );
  });
});
