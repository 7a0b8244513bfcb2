import type { MessageTable } from '../message.js';

/**
 * Codes SL800–SL899: message templates. SL800–SL809 are the file and its
 * front matter, SL810–SL839 the Handlebars variables and helpers, SL840–SL859
 * MJML, SL860–SL879 SMS length and encoding.
 */
export const templateMessages = {
  SL800: {
    severity: 'error',
    message: 'Bad front matter: {detail}',
    help:
      'An email template starts with "---", lines "subject: …" and ' +
      '"preheader: …", and "---".',
  },
  SL801: {
    severity: 'error',
    message: 'Unknown front matter key "{key}".{suggestion}',
    help: 'The front matter of an email template has the keys subject and preheader.',
  },
  SL802: {
    severity: 'error',
    message: 'The front matter value "{key}" must be a string.',
    help: 'Quote it: {key}: "…"',
  },
  SL803: {
    severity: 'error',
    message: 'The email template has no subject.',
    help: 'Start the file with front matter: "---", "subject: …", "---".',
  },
  SL804: {
    severity: 'error',
    message: 'An SMS template has no front matter.',
    help: 'Remove the "---" block: the whole file is the text of the message.',
  },
  SL810: {
    severity: 'error',
    message: 'Handlebars syntax error: {detail}',
  },
  SL811: {
    severity: 'error',
    message: 'Unknown variable "{name}".{suggestion}',
    help: 'Templates see {known}.',
  },
  SL812: {
    severity: 'error',
    message: '{owner} has no field "{field}".{suggestion}',
  },
  SL813: {
    severity: 'error',
    message: 'There is no offer here: {reason}.',
    help: 'Only templates that a send with "offer:" or an offer reminder uses can show the offer.',
  },
  SL814: {
    severity: 'error',
    message: 'There is no event here: {reason}.',
    help: 'Templates see the entry event of the event-triggered journeys that send them.',
  },
  SL815: {
    severity: 'error',
    message: '"{path}" is optional ({type}) and may be missing here.',
    help: 'Write {{coalesce {path} "…"}}, or put it inside {{#if {path}}} … {{/if}}.',
  },
  SL816: {
    severity: 'error',
    message: 'Unknown helper "{name}".{suggestion}',
    help:
      'Templates know the helpers coalesce, format_date, format_money, ' +
      'recommendations and the blocks if, unless, each, with.',
  },
  SL817: {
    severity: 'error',
    message: 'Wrong use of {helper}: {detail}.',
  },
  SL818: {
    severity: 'error',
    message: 'Unknown recommendation provider "{provider}".{suggestion}',
    help: 'Known providers: {known}.',
  },
  SL819: {
    severity: 'error',
    message: '"{path}" is {type} and cannot be shown as it is: {detail}.',
  },
  SL820: {
    severity: 'warning',
    message: '"{path}" is money and shows as a bare number.',
    help: 'Write {{format_money {path}}} to show it as "1 234 kr".',
  },
  SL821: {
    severity: 'error',
    message:
      'Triple braces print "{path}" without HTML escaping; member data could inject markup.',
    help: 'Use double braces: {{{path}}}.',
  },
  SL822: {
    severity: 'error',
    message: '{what} are not supported in templates.',
    help: 'Templates use variables, the known helpers and the blocks if, unless, each and with.',
  },
  SL840: {
    severity: 'error',
    message: 'MJML: {detail}',
  },
  SL841: {
    severity: 'error',
    message:
      'This Handlebars expression stands between MJML components, where MJML drops text.',
    help:
      'Put it inside mj-text (or mj-button, mj-raw). Block helpers such as ' +
      '{{#each}} and {{#if}} may stand between components.',
  },
  SL842: {
    severity: 'error',
    message:
      'MJML changed this Handlebars expression while compiling the email.',
    help: 'Keep Handlebars expressions inside mj-text or plain attribute values.',
  },
  SL843: {
    severity: 'error',
    message:
      'A marketing email must contain an unsubscribe link: ' +
      '{{unsubscribe_url}} (it is sent by {sender}).',
    help: 'Add, for example, <a href="{{unsubscribe_url}}">Avregistrera dig</a> to the footer.',
  },
  SL844: {
    severity: 'error',
    message: 'Rendering with sample values failed: {detail}',
  },
  SL860: {
    severity: 'warning',
    message:
      'The SMS is {parts} parts long with sample values ({characters} characters, {encoding}).',
    help: 'Every part is charged; keep the text within 2 parts ({limit} characters in {encoding}).',
  },
  SL861: {
    severity: 'info',
    message:
      'The character "{character}" ({codePoint}) makes the SMS UCS-2: ' +
      '{single} characters a part instead of 160.',
    help:
      'GSM-7 has the Swedish letters å ä ö é ü; ' +
      'replace the character if the text can do without it.',
  },
} as const satisfies MessageTable;
