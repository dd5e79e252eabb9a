import { databasePath } from '../../config';
import { appInfo, openAppDatabase } from '../../services/app-database';
import { DB_OPTION, parseCommand, type CommandDoc } from '../args';
import type { Io } from '../output';

export const infoDoc = {
  usage: '[options]',
  summary: "lrscope's version, the database's path and its schema version.",
  options: { db: DB_OPTION, json: { type: 'boolean', help: 'print one JSON object', defaultText: 'lines of text' } },
} satisfies CommandDoc;

export async function infoCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommand(argv, infoDoc);
  // The database alone, not openServices: what info prints needs no service (issue 15: start-up).
  const opened = openAppDatabase(databasePath(values.db));
  try {
    const info = { ...appInfo(opened, 'browser'), shell: undefined };
    if (values.json) io.out(JSON.stringify(info));
    else io.out(`lrscope ${info.version}\ndatabase: ${info.databasePath}\nschema version: ${info.schemaVersion}`);
    return 0;
  } finally {
    opened.db.close();
  }
}
