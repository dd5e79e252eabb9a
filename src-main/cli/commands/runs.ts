import { databasePath } from '../../config';
import { openServices } from '../../services';
import { parse } from '../args';
import { table, type Io } from '../output';

export async function runsCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, { db: { type: 'string' }, json: { type: 'boolean' } });
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
