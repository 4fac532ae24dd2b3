import type { DB } from '#db/client.server';

/** A drizzle transaction (or the database itself): what model helpers write through. */
export type Tx = Parameters<Parameters<DB['transaction']>[0]>[0] | DB;
