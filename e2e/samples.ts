import { join, resolve } from 'node:path';

/** The real framework-written logs beside the checkout (../shared/samples); never copied in. */
export const SAMPLES = resolve(process.cwd(), '..', 'shared', 'samples');

export const sample = (...parts: string[]) => join(SAMPLES, ...parts);
