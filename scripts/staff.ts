// npm run staff -- create --email someone@example.org --name "Sam Jones" --role facilitator|manager
// npm run staff -- reset --email someone@example.org
// Prints a one-time set-up link (valid 72 hours). With SMTP_URL set, it is emailed too.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { migrateDatabase } from '#db/client.server';
import { staffUsers } from '#db/schema';
import { newStaffSchema } from '~/models/staff/staff-schemas';
import { createStaffUser, resetStaffUser, StaffError } from '~/models/staff/staff.server';
import { db } from '~/utils/db.server';
import { env } from '~/utils/env.server';

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } } });

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

migrateDatabase(db, resolve('db/migrations'));
const cli = { type: 'system' as const, id: 'cli' };

if (command === 'create') {
  const parsed = newStaffSchema.safeParse(values);
  if (!parsed.success) fail(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
  try {
    const { setUpPath } = createStaffUser(cli, parsed.data);
    console.log(`Created ${parsed.data.role} ${parsed.data.email}.\nSet-up link (one use, 72 hours): ${env.PUBLIC_URL}${setUpPath}`);
  } catch (error) {
    if (error instanceof StaffError && error.reason === 'email-taken') fail(`There is already an account for ${parsed.data.email}`);
    throw error;
  }
} else if (command === 'reset') {
  const user = db
    .select()
    .from(staffUsers)
    .where(eq(staffUsers.email, (values.email ?? '').toLowerCase()))
    .get();
  if (!user) fail(`No account for ${values.email}`);
  console.log(`Reset ${user.email}.\nSet-up link (one use, 72 hours): ${env.PUBLIC_URL}${resetStaffUser(cli, user.id)}`);
} else {
  fail('Usage: npm run staff -- create --email … --name … --role facilitator|manager\n       npm run staff -- reset --email …');
}
db.$client.close();
