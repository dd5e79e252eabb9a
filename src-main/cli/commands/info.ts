import { databasePath } from '../../config';
import { openServices } from '../../services';
import { parse } from '../args';
import type { Io } from '../output';

export async function infoCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, { db: { type: 'string' }, json: { type: 'boolean' } });
  const services = openServices(databasePath(values.db), 'browser');
  try {
    const info = { ...services.info, shell: undefined };
    if (values.json) io.out(JSON.stringify(info));
    else io.out(`lrscope ${info.version}\ndatabase: ${info.databasePath}\nschema version: ${info.schemaVersion}`);
    return 0;
  } finally {
    services.close();
  }
}
