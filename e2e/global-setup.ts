import { electronAvailability } from './electron-availability';

/** Says once, up front, why the Electron project's tests will be reported as skipped. */
export default function globalSetup(): void {
  const { available, reason } = electronAvailability();
  console.log(available ? 'electron project: runs in the Electron window' : `electron project: skipped (${reason})`);
}
