// Tests only: runs the survey's release check as if the time were argv[2] (ms since 1970),
// against DATABASE_PATH, and prints what it did as JSON. The server runs the same check on
// its maintenance tick, on its own clock (app/models/feedback/releases.server.ts).
import { releaseFeedbackIfDue } from '~/models/feedback/releases.server';
import { db } from '~/utils/db.server';

process.stdout.write(JSON.stringify(releaseFeedbackIfDue(new Date(Number(process.argv[2])))));
db.$client.close();
