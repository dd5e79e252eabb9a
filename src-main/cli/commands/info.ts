import { databasePath } from '../../config';
import { openServices } from '../../services';
import { DB_OPTION, parseCommand, type CommandDoc } from '../args';
import type { Io } from '../output';

export const infoDoc = {
  usage: '[options]',
  summary: "lrscope's version, the database's path and its schema version.",
  options: { db: DB_OPTION, json: { type: 'boolean', help: 'print one JSON object', defaultText: 'lines of text' } },
} satisfies CommandDoc;

export async function infoCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommand(argv, infoDoc);
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
