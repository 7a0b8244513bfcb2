import type { MessageTable } from '../message.js';

/** Codes SL300–SL399: condition syntax and types. */
export const languageMessages = {} as const satisfies MessageTable;
