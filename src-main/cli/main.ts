// `lrscope`: a thin command line over the same services as the UI.
import { commandHelp, UsageError, wantsHelp, type CommandDoc } from './args';
import { importCommand, importDoc } from './commands/import';
import { infoCommand, infoDoc } from './commands/info';
import { evalCommand, evalDoc, eventsCommand, eventsDoc } from './commands/schedule';
import { runsCommand, runsDoc } from './commands/runs';
import { seriesCommand, seriesDoc } from './commands/series';
import { serveCommand, serveDoc } from './commands/serve';
import { exportCommand } from './commands/export';
import { inferCommand } from './commands/infer';
import { driftCommand } from './commands/drift';
import { processIo, type Io } from './output';

type Command = (argv: string[], io: Io) => Promise<number>;

/** `doc`: the options `lrscope NAME --help` lists (a command without one shows its line below). */
const COMMANDS: Record<string, { run: Command; help: string; doc?: CommandDoc }> = {
  serve: { run: serveCommand, doc: serveDoc, help: 'serve [--db FILE] [--port N] [--host ADDR] [--open] [--logdir DIR]…   the UI in a browser, on loopback with a token; --logdir follows training logs as they are written' },
  info: { run: infoCommand, doc: infoDoc, help: 'info [--db FILE] [--json]                              version, database path, schema version' },
  runs: { run: runsCommand, doc: runsDoc, help: 'runs [--db FILE] [--json]                              the runs with tags, schedule and metrics' },
  import: { run: importCommand, doc: importDoc, help: 'import PATH… [--db FILE] [--format F] [--name NAME] [--json]   logs as new runs (all or nothing)' },
  series: { run: seriesCommand, doc: seriesDoc, help: 'series [--db FILE] --run ID --metric NAME [--from A] [--to B] [--max-points N] --json   a metric, columnar' },
  eval: { run: evalCommand, doc: evalDoc, help: "eval --spec '<json>' --to B [--from A] [--every N] [--csv]   the learning rates (or stdin jobs), streamed" },
  events: { run: eventsCommand, doc: eventsDoc, help: "events --spec '<json>' [--from A] --to B                restarts, drops, warmup end and phases, as JSON" },
  infer: { run: inferCommand, help: 'infer [--db FILE] --run ID [--metric NAME] [--threshold X] [--json]   the schedule behind the logged lr, best first' },
  drift: { run: driftCommand, help: 'drift [--db FILE] --run ID [--metric NAME] [--tolerance X] [--json]   where the logged lr leaves the attached schedule' },
  export: { run: exportCommand, help: "export --spec '<json>' --to torch|keras|tf1|optax|hf [--json]   the schedule as code for that library" },
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
  if (wantsHelp(rest)) {
    io.out(command.doc ? commandHelp(name, command.doc) : `usage: lrscope ${command.help}`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`lrscope ${name}: ${err.message}\n  lrscope ${command.help}`);
      return 2;
    }
    io.err(`lrscope ${name}: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
