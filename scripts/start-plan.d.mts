export interface StartFs {
  exists(path: string): boolean;
  read(path: string): string;
}
export interface StartPlan {
  shell: 'electron' | 'browser';
  /** The npm script that builds what this shell loads. */
  build: string;
  command: string;
  args: string[];
}
export function electronBinary(root: string, fs?: StartFs): string | null;
export function startPlan(root: string, nodePath: string, fs?: StartFs): StartPlan;
