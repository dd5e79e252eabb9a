// The import backend, as the rest of the app uses it: preview, then import.
export { importPaths, type ImportRequest } from './import';
export { previewImport } from './preview';
export { ImportCancelled, ImportError } from './errors';
