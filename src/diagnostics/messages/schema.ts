import type { MessageTable } from '../message.js';

/** Codes SL200–SL299: JSON Schema validation of documents. */
export const schemaMessages = {} as const satisfies MessageTable;
