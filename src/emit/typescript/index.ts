/*
 * The TypeScript emitter: a checked workspace as a standalone package of
 * trigger code that runs its journeys on the simulator's engine.
 */
export { emitTypeScript } from './emit-typescript.js';
