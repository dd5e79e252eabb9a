// `lrscope`: a thin command line over the same services as the UI.
import { UsageError } from './args';
import { importCommand } from './commands/import';
import { infoCommand } from './commands/info';
import { evalCommand, eventsCommand } from './commands/schedule';
import { runsCommand } from './commands/runs';
import { seriesCommand } from './commands/series';
import { serveCommand } from './commands/serve';
import { processIo, type Io } from './output';

type Command = (argv: string[], io: Io) => Promise<number>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  serve: { run: serveCommand, help: 'serve [--db FILE] [--port N] [--host ADDR] [--open] [--logdir DIR]…   the UI in a browser, on loopback with a token; --logdir follows training logs as they are written' },
  info: { run: infoCommand, help: 'info [--db FILE] [--json]                              version, database path, schema version' },
  runs: { run: runsCommand, help: 'runs [--db FILE] [--json]                              the runs with tags, schedule and metrics' },
  import: { run: importCommand, help: 'import PATH… [--db FILE] [--format F] [--name NAME] [--json]   logs as new runs (all or nothing)' },
  series: { run: seriesCommand, help: 'series [--db FILE] --run ID --metric NAME [--from A] [--to B] [--max-points N] --json   a metric, columnar' },
  eval: { run: evalCommand, help: 'eval < [{"spec": {…}, "steps": [ints]}, …]               the learning rates, as JSON arrays (non-finite: null)' },
  events: { run: eventsCommand, help: "events --spec '<json>' --from A --to B                  restarts, drops, warmup end and phases, as JSON" },
};

function usage(): string {
  return ['usage: lrscope <command> [options]', '', ...Object.values(COMMANDS).map((c) => `  lrscope ${c.help}`)].join('\n');
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
