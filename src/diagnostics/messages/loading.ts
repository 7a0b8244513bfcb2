import type { MessageTable } from '../message.js';

/** Codes SL100–SL199: reading files and YAML. */
export const loadingMessages = {
  SL100: {
    severity: 'error',
    message: 'The workspace folder {path} does not exist or cannot be read.',
    help: 'Pass the folder that holds journeys/ and templates/.',
  },
  SL101: {
    severity: 'error',
    message: 'YAML syntax error: {detail}',
  },
  SL102: {
    severity: 'error',
    message: 'Duplicate key "{key}" in this mapping.',
    help: 'A key may appear once per mapping; the later value would be lost.',
  },
  SL103: {
    severity: 'error',
    message: 'The file is {size} bytes, over the limit of {limit} bytes.',
    help: 'Split it into several files.',
  },
  SL104: {
    severity: 'error',
    message: 'Too many aliases are expanded in this document (limit {limit}).',
    help: 'This looks like an alias bomb; write the values out instead.',
  },
  SL105: {
    severity: 'error',
    message: 'The document nests deeper than {limit} levels.',
  },
  SL106: {
    severity: 'error',
    message: 'A document must be a mapping with a "kind" key.',
    help: 'Start the document with, for example, "kind: Journey".',
  },
  SL107: {
    severity: 'error',
    message: 'Unknown kind "{kind}".{suggestion}',
    help: 'Known kinds: {known}.',
  },
  SL108: {
    severity: 'error',
    message: 'The file cannot be read: {detail}',
  },
  SL109: {
    severity: 'warning',
    message: 'The workspace has no journeys/ folder.',
    help: 'Put the YAML files under journeys/.',
  },
  SL110: {
    severity: 'error',
    message: 'The file is not valid UTF-8 text.',
  },
} as const satisfies MessageTable;
