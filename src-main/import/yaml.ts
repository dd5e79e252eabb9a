// The YAML parser, behind a module of our own so that the readers can load it lazily
// (`await import('./yaml')`): yaml is CommonJS, and esbuild's split bundle gives a dynamic
// import() of a CommonJS package only its `default`, while a static import here gets the named
// exports as under Node and tsx. Lazily, because yaml is 115 KB that a CSV import never needs
// (issue 15: whole-process start-up).
export { parse, parseDocument } from 'yaml';
