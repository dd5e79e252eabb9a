// `lrscope`: a thin command line over the same services as the UI.
import { UsageError } from './args';
import { importCommand } from './commands/import';
import { infoCommand } from './commands/info';
import { evalCommand, eventsCommand } from './commands/schedule';
import { exportCommand } from './commands/export';
import { inferCommand } from './commands/infer';
import { driftCommand } from './commands/drift';
import { runsCommand } from './commands/runs';
import { seriesCommand } from './commands/series';
import { serveCommand } from './commands/serve';
import { processIo, type Io } from './output';

type Command = (argv: string[], io: Io) => Promise<number>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  serve: { run: serveCommand, help: 'serve [--db FILE] [--port N] [--host ADDR] [--open]   the UI in a browser, on loopback with a token' },
  info: { run: infoCommand, help: 'info [--db FILE] [--json]                              version, database path, schema version' },
  runs: { run: runsCommand, help: 'runs [--db FILE] [--json]                              the runs with tags, schedule and metrics' },
  import: { run: importCommand, help: 'import PATH… [--db FILE] [--format F] [--name NAME] [--json]   logs as new runs (all or nothing)' },
  series: { run: seriesCommand, help: 'series [--db FILE] --run ID --metric NAME [--from A] [--to B] [--max-points N] --json   a metric, columnar' },
  eval: { run: evalCommand, help: 'eval < [{"spec": {…}, "steps": [ints]}, …]               the learning rates, as JSON arrays (non-finite: null)' },
  events: { run: eventsCommand, help: "events --spec '<json>' --from A --to B                  restarts, drops, warmup end and phases, as JSON" },
  infer: { run: inferCommand, help: 'infer [--db FILE] --run ID [--metric NAME] [--threshold X] [--json]   the schedule behind the logged lr, best first' },
  drift: { run: driftCommand, help: 'drift [--db FILE] --run ID [--metric NAME] [--tolerance X] [--json]   where the logged lr leaves the attached schedule' },
  export: { run: exportCommand, help: "export --spec '<json>' --to torch|keras|tf1|optax|hf [--json]   the schedule as code for that library" },
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
