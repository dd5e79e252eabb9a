// Which import the user asked for; the one ImportHost in App shows the dialog for it.
export const importRequest = $state({ open: false, files: [] as File[], paths: [] as string[] });

export function requestImport(files: File[] = [], paths: string[] = []): void {
  if (importRequest.open) return;
  importRequest.files = files;
  importRequest.paths = paths;
  importRequest.open = true;
}
