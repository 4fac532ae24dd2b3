// npm run purge: applies the retention schedule now (app/data/retention.ts), as the server
// does once a day. For a cron job when the server's own daily run is not wanted, or to see
// the counts at once. Safe while the server runs: it works in small transactions, and the
// server's run and this one never purge the same record twice.
//   npm run purge -- --dry-run    what is due now, deleting nothing
// Give it the same environment as the server: the periods are read from it, and printed.
import { resolve } from 'node:path';
import { migrateDatabase } from '#db/client.server';
import { periodText, RETENTION_RULES } from '~/data/retention';
import { purgeNow, retentionPeriods } from '~/models/data-protection/retention.server';
import { retentionOutlook } from '~/models/data-protection/holds.server';
import { db } from '~/utils/db.server';

migrateDatabase(db, resolve('db/migrations'));
const periods = retentionPeriods();
console.log(`Periods: ${RETENTION_RULES.map((r) => `${r.key} ${periodText(periods[r.key], r.unit)}`).join(', ')}`);
const dryRun = process.argv.includes('--dry-run');
const counts = dryRun ? retentionOutlook(Date.now(), 0).counts : await purgeNow({ startedBy: 'command' });
console.log(dryRun ? 'Due now (nothing deleted):' : 'Deleted:');
console.log(
  Object.entries(counts ?? {})
    .map(([rule, n]) => `${rule}: ${n}`)
    .join('\n'),
);
db.$client.close();
