type Target = 'cli' | 'preload' | 'renderer';
export const NODE_ENTRIES: Record<string, string>;
export function buildNode(base?: string): boolean;
export const TARGETS: Record<Target, { sources: string[]; output: string; build(): boolean }>;
export function fingerprint(name: Target, base?: string): string;
export function isFresh(name: Target, base?: string): boolean;
export function writeStamp(name: Target, print: string, base?: string): void;
export function build(names: Target[], options?: { ifChanged?: boolean }): boolean;
