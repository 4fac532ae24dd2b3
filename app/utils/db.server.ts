import { openDatabase } from '#db/client.server';
import { env } from './env.server';

// One connection for the process. better-sqlite3 is synchronous, so a transaction
// callback runs start to finish without another request interleaving.
export const db = openDatabase(env.DATABASE_PATH, { traceFile: env.SQL_TRACE_FILE });
