import { ApiError } from '../../src-shared/api/errors';

/** Where in a file a problem is: `line 5123`, `record 77` (event files), a JSON entry, or the whole file. */
export type Place = { line: number } | { record: number } | { entry: number } | null;

function placeText(place: Place): string {
  if (!place) return '';
  if ('line' in place) return `line ${place.line}: `;
  if ('record' in place) return `record ${place.record}: `;
  return `log_history entry ${place.entry}: `;
}

/**
 * A log that cannot be imported, worded for the user: the file, the line or record, the reason.
 * An ApiError (invalid_input) so the UI and the HTTP layer show it as the user's to fix.
 */
export class ImportError extends ApiError {
  constructor(
    readonly file: string,
    readonly place: Place,
    readonly reason: string,
  ) {
    super('invalid_input', `${file}: ${placeText(place)}${reason}`);
    this.name = 'ImportError';
  }
}

/** The user cancelled: nothing was written. */
export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled: nothing was written');
    this.name = 'AbortError';
  }
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ImportCancelled();
}
