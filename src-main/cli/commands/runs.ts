import { databasePath } from '../../config';
import { openServices } from '../../services';
import { DB_OPTION, parseCommand, type CommandDoc } from '../args';
import { table, type Io } from '../output';

export const runsDoc = {
  usage: '[options]',
  summary: 'The runs: id, name, tags, attached schedule, and each metric with its point count.',
  options: { db: DB_OPTION, json: { type: 'boolean', help: 'print a JSON array', defaultText: 'a table' } },
} satisfies CommandDoc;

export async function runsCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommand(argv, runsDoc);
  const services = openServices(databasePath(values.db), 'browser');
  try {
    const runs = services.runs.list().map((r) => ({
      id: r.id,
      name: r.name,
      tags: r.tags,
      schedule: r.schedule,
      metrics: r.metrics.map((m) => ({ name: m.name, role: m.role, points: m.pointCount })),
    }));
    if (values.json) {
      io.out(JSON.stringify(runs));
    } else if (runs.length === 0) {
      io.out('no runs yet: import a log (lrscope import FILE) or create one in the UI');
    } else {
      io.out(
        table(
          ['id', 'name', 'tags', 'schedule', 'metrics'],
          runs.map((r) => [r.id, r.name, r.tags.join(','), r.schedule?.name ?? '-', r.metrics.map((m) => `${m.name}(${m.points})`).join(' ')]),
        ),
      );
    }
    return 0;
  } finally {
    services.close();
  }
}
