import type { MessageTable } from '../message.js';

/** Codes SL500–SL599: references and semantic rules. */
export const checkingMessages = {} as const satisfies MessageTable;
