// Tests only: runs the retention purge as if the time were argv[2] (ms since 1970), against
// DATABASE_PATH, and prints the counts as JSON. The production command (scripts/purge.ts)
// has no way to move the clock. Run with tsx in a child process, beside the real server.
import { purgeNow } from '~/models/data-protection/retention.server';
import { db } from '~/utils/db.server';

const now = Number(process.argv[2]);
const startedBy = process.argv[3] === 'server' ? 'server' : 'command';
const counts = await purgeNow({ now, startedBy, day: process.argv[4] ?? null });
process.stdout.write(JSON.stringify(counts));
db.$client.close();
