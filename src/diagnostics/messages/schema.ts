import type { MessageTable } from '../message.js';

/** Codes SL200–SL299: JSON Schema validation of documents. */
export const schemaMessages = {
  SL200: {
    severity: 'error',
    message: 'Unknown key "{key}" in {owner}.{suggestion}',
    help: 'Keys allowed here: {allowed}.',
  },
  SL201: {
    severity: 'error',
    message: '{owner} is missing the required key "{key}".',
  },
  SL202: {
    severity: 'error',
    message:
      '{owner} is missing the key "{key}", which is required when {condition}.',
  },
  SL203: {
    severity: 'error',
    message: 'The key "{key}" is only allowed when {condition}.',
  },
  SL204: {
    severity: 'error',
    message: 'The key "{key}" needs the key "{companion}" beside it.',
  },
  SL205: {
    severity: 'error',
    message: '{subject} must be {expected}{condition}; it is {actual}.',
  },
  SL206: {
    severity: 'error',
    message: '{subject} must be {allowed}; it is {actual}.{suggestion}',
  },
  SL207: {
    severity: 'error',
    message: '{actual} is not {noun}, such as {example}.',
    help: '{explanation}',
  },
  SL208: {
    severity: 'error',
    message: 'The name "{name}" is not {noun}, such as {example}.',
    help: '{explanation}',
  },
  SL209: {
    severity: 'error',
    message: '{subject} must be {comparison} {limit}; it is {actual}.',
  },
  SL210: {
    severity: 'error',
    message: '{subject} must not be empty.',
  },
  SL211: {
    severity: 'error',
    message: '{subject} lists {actual} more than once.',
  },
  SL212: {
    severity: 'error',
    message: '{owner} needs one of the keys {choices}.',
  },
  SL213: {
    severity: 'error',
    message:
      '{owner} may have only one of the keys {choices}, but it has {present}.',
  },
  SL214: {
    severity: 'error',
    message: 'This step has no action.',
    help: 'A step needs exactly one of the keys {choices}.',
  },
  SL215: {
    severity: 'error',
    message:
      'This step has {count} actions, {present}; a step takes exactly one.',
    help: 'Put each action in a step of its own.',
  },
  SL216: {
    severity: 'error',
    message: '{subject} is not valid: {detail}.',
  },
} as const satisfies MessageTable;
