// `lrscope`: a thin command line over the same services as the UI.
import { commandHelp, UsageError, wantsHelp, type CommandDoc } from './args';
import { processIo, type Io } from './output';

type Command = (argv: string[], io: Io) => Promise<number>;
/** A command's code, loaded only when it runs: `lrscope import` never evaluates the server or the schedule engine it does not use (issue 15: whole-process start-up). */
type Load = () => Promise<{ run: Command; doc?: CommandDoc }>;

/** `doc`: the options `lrscope NAME --help` lists (a command without one shows its line below). */
const COMMANDS: Record<string, { load: Load; help: string }> = {
  serve: { load: async () => { const m = await import('./commands/serve'); return { run: m.serveCommand, doc: m.serveDoc }; }, help: 'serve [--db FILE] [--port N] [--host ADDR] [--open] [--logdir DIR]…   the UI in a browser, on loopback with a token; --logdir follows training logs as they are written' },
  info: { load: async () => { const m = await import('./commands/info'); return { run: m.infoCommand, doc: m.infoDoc }; }, help: 'info [--db FILE] [--json]                              version, database path, schema version' },
  runs: { load: async () => { const m = await import('./commands/runs'); return { run: m.runsCommand, doc: m.runsDoc }; }, help: 'runs [--db FILE] [--json]                              the runs with tags, schedule and metrics' },
  import: { load: async () => { const m = await import('./commands/import'); return { run: m.importCommand, doc: m.importDoc }; }, help: 'import PATH… [--db FILE] [--format F] [--name NAME] [--json]   logs as new runs (all or nothing)' },
  series: { load: async () => { const m = await import('./commands/series'); return { run: m.seriesCommand, doc: m.seriesDoc }; }, help: 'series [--db FILE] --run ID --metric NAME [--from A] [--to B] [--max-points N] --json   a metric, columnar' },
  eval: { load: async () => { const m = await import('./commands/schedule'); return { run: m.evalCommand, doc: m.evalDoc }; }, help: "eval --spec '<json>' --to B [--from A] [--every N] [--csv]   the learning rates (or stdin jobs), streamed" },
  events: { load: async () => { const m = await import('./commands/schedule'); return { run: m.eventsCommand, doc: m.eventsDoc }; }, help: "events --spec '<json>' [--from A] --to B                restarts, drops, warmup end and phases, as JSON" },
  infer: { load: async () => ({ run: (await import('./commands/infer')).inferCommand }), help: 'infer [--db FILE] --run ID [--metric NAME] [--threshold X] [--json]   the schedule behind the logged lr, best first' },
  drift: { load: async () => ({ run: (await import('./commands/drift')).driftCommand }), help: 'drift [--db FILE] --run ID [--metric NAME] [--tolerance X] [--json]   where the logged lr leaves the attached schedule' },
  export: { load: async () => ({ run: (await import('./commands/export')).exportCommand }), help: "export --spec '<json>' --to torch|keras|tf1|optax|hf [--json]   the schedule as code for that library" },
};

function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  lrscope ${c.help}`);
  return ['usage: lrscope <command> [options]', '', ...lines, '', 'lrscope <command> --help: its options and their defaults. Ranges (--from A --to B) include both ends.'].join('\n');
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`lrscope: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  const { run, doc } = await command.load();
  if (wantsHelp(rest)) {
    io.out(doc ? commandHelp(name, doc) : `usage: lrscope ${command.help}`);
    return 0;
  }
  try {
    return await run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`lrscope ${name}: ${err.message}\n  lrscope ${command.help}`);
      return 2;
    }
    io.err(`lrscope ${name}: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
