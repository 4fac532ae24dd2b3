// npm run purge: applies the retention schedule now (app/data/retention.ts), as the server
// does once a day. For a cron job when the server's own daily run is not wanted, or to see
// the counts at once. Safe while the server runs: it works in small transactions, and the
// server's run and this one never purge the same record twice.
import { resolve } from 'node:path';
import { migrateDatabase } from '#db/client.server';
import { purgeNow } from '~/models/retention.server';
import { db } from '~/utils/db.server';

migrateDatabase(db, resolve('db/migrations'));
const counts = await purgeNow({ startedBy: 'command' });
console.log(
  Object.entries(counts ?? {})
    .map(([rule, n]) => `${rule}: ${n}`)
    .join('\n'),
);
db.$client.close();
