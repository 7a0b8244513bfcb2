import type { MessageTable } from '../message.js';

/** Codes SL500–SL699: references and semantic rules. */
export const checkingMessages = {
  SL500: {
    severity: 'error',
    message: 'Duplicate {kind} id "{id}".',
    help: 'Ids must be unique within their kind; rename one of them.',
  },
  SL501: {
    severity: 'error',
    message: 'The workspace has no Model.',
    help: 'Add a document with "kind: Model" that declares members and events.',
  },
  SL502: {
    severity: 'error',
    message: 'The workspace has more than one {kind}.',
    help: 'Keep a single {kind} document.',
  },
  SL503: {
    severity: 'error',
    message: 'Unknown {what} "{name}".{suggestion}',
  },
  SL504: {
    severity: 'error',
    message: 'Invalid type: {detail}',
  },
  SL505: {
    severity: 'error',
    message: 'The Model must declare a member attribute "id" of type string.',
  },
  SL506: {
    severity: 'error',
    message: 'Segment "{id}" depends on itself: {cycle}.',
    help: 'Break the cycle: a segment may not use itself, directly or through others.',
  },
  SL507: {
    severity: 'error',
    message: 'This step can never run: {reason}.',
    help: 'Remove it, or move it before the step that ends the path.',
  },
  SL508: {
    severity: 'error',
    message:
      'A wait for the event "{event}" has no timeout; members could wait forever.',
    help: 'Add "timeout:" with a duration such as 7d.',
  },
  SL509: {
    severity: 'error',
    message:
      'The reminder is sent {before} before expiry, but the offer is only valid for {validity}.',
    help: 'A reminder must fall inside the validity period.',
  },
  SL510: {
    severity: 'error',
    message:
      'The contact policy has no consent rule for {channel}, ' +
      'which this {category} journey sends on.',
    help:
      'Add "consent: {channel}: <condition>" to the ContactPolicy; ' +
      'marketing sends need consent.',
  },
  SL511: {
    severity: 'error',
    message: 'No {channel} template "{template}": expected the file {file}.',
  },
  SL512: {
    severity: 'warning',
    message:
      'No {channel} version of template "{template}": ' +
      'members whose {from} falls back to {channel} will not get this message.',
    help: 'Add {file}, or accept that these members are skipped.',
  },
  SL513: {
    severity: 'error',
    message: 'The value does not fit the type {type}: {detail}.',
  },
  SL514: {
    severity: 'error',
    message: 'The shares of the split add up to {total} %, not 100 %.',
    help: 'Make the variant shares and the holdout add up to 100.',
  },
  SL515: {
    severity: 'error',
    message: 'The attribute "{attribute}" is {actual}, not {expected}.',
  },
  SL516: {
    severity: 'error',
    message: 'Duplicate step id "{id}" in journey "{journey}".',
  },
  SL517: {
    severity: 'error',
    message: 'Unknown time zone "{zone}".',
    help: 'Use an IANA time zone name such as Europe/Stockholm.',
  },
  SL518: {
    severity: 'error',
    message: 'The required field "{field}" is missing.',
    help: 'The Model declares it without "optional: true"; give it a value.',
  },
  SL519: {
    severity: 'warning',
    message:
      'Journey "{journey}" is not listed in the contact policy priorities.',
    help: 'It ranks after the listed journeys, by category.',
  },
  SL520: {
    severity: 'error',
    message: 'Duplicate variant id "{id}" in this split.',
  },
  SL521: {
    severity: 'error',
    message: 'The workspace has no ContactPolicy.',
    help: 'Add a document with "kind: ContactPolicy"; it sets the time zone, consent and caps.',
  },
  SL522: {
    severity: 'error',
    message: 'The offer has a discount of {percent} %, over 100 %.',
  },
  SL523: {
    severity: 'warning',
    message:
      'The on_event steps never run: the event "{event}" reaches the goal first, ' +
      'and members leave with reason goal.',
    help: 'Drop on_event, or give the goal a different event or condition.',
  },
  SL524: {
    severity: 'error',
    message: 'A retention dates items by a datetime property: {detail}.',
    help: 'Name a required datetime property of the items in "by".',
  },
} as const satisfies MessageTable;
