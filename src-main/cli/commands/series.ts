import { databasePath } from '../../config';
import { openServices } from '../../services';
import { DB_OPTION, intFlag, parseCommand, UsageError, type CommandDoc } from '../args';
import type { Io } from '../output';

function numberFlag(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${flag} must be a number, got "${value}"`);
  return n;
}

/** A metric's points, columnar, as the UI receives them (JSON: non-finite values as strings). */
export const seriesDoc = {
  usage: '--run ID --metric NAME [options]',
  summary: "A metric's points, columnar JSON as the UI receives them; thinned to --max-points with each bucket's min and max kept.",
  options: {
    db: DB_OPTION,
    run: { type: 'string', value: 'ID', help: 'the run (lrscope runs lists them); required' },
    metric: { type: 'string', value: 'NAME', help: 'the metric; required' },
    from: { type: 'string', value: 'A', help: 'the first step, included', defaultText: 'the first logged step' },
    to: { type: 'string', value: 'B', help: 'the last step, included', defaultText: 'the last logged step' },
    'max-points': { type: 'string', value: 'N', help: 'at most this many points; exact when the range holds fewer', defaultText: '2000' },
    json: { type: 'boolean', help: 'JSON output (the only output; accepted for symmetry)', defaultText: 'on' },
  },
  notes: ['Ranges: --from A --to B is the steps A to B, both included, in every lrscope command (eval, events, series).'],
} satisfies CommandDoc;

export async function seriesCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommand(argv, seriesDoc);
  const runId = intFlag(values.run, '--run');
  if (runId === undefined) throw new UsageError('--run ID is required');
  if (!values.metric) throw new UsageError('--metric NAME is required');
  const maxPoints = intFlag(values['max-points'], '--max-points', 2000)!;
  if (maxPoints < 1) throw new UsageError('--max-points must be at least 1');
  const from = numberFlag(values.from, '--from');
  const to = numberFlag(values.to, '--to');
  const services = openServices(databasePath(values.db), 'browser');
  try {
    const series = services.series.get(runId, values.metric, {
      maxPoints,
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to } : {}),
    });
    // Columnar JSON is the only output: a table of 2,000 rows helps no one on a terminal.
    io.out(JSON.stringify(series));
    return 0;
  } finally {
    services.close();
  }
}
