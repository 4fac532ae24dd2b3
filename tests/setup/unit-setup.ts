// Unit tests that touch the database get a fresh SQLite file per worker, migrated.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import './fail-on-console-error';

const dir = mkdtempSync(join(tmpdir(), 'rj-unit-'));
process.env.DATABASE_PATH = join(dir, 'portal.db');
process.env.OUTBOX_DIR = join(dir, 'outbox');
process.env.NODE_ENV = 'test';
