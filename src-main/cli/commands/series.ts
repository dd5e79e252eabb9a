import { databasePath } from '../../config';
import { openServices } from '../../services';
import { intFlag, parse, UsageError } from '../args';
import type { Io } from '../output';

function numberFlag(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${flag} must be a number, got "${value}"`);
  return n;
}

/** A metric's points, columnar, as the UI receives them (JSON: non-finite values as strings). */
export async function seriesCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, {
    db: { type: 'string' },
    run: { type: 'string' },
    metric: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    'max-points': { type: 'string' },
    json: { type: 'boolean' },
  });
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
