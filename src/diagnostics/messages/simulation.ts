import type { MessageTable } from '../message.js';

/** Codes SL700–SL799: fixtures and simulation. */
export const simulationMessages = {} as const satisfies MessageTable;
