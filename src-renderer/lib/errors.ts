// An error's words for the user, whatever was thrown (kept apart from api.ts, which needs a window).
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
