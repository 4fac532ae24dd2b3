import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '#db/client.server';
import { referrals } from '#db/schema';
import { db } from '~/utils/db.server';
import { hashSecret } from '~/utils/passphrase.server';
import { MAX_FAILURES_PER_ADDRESS, signInReferrer } from './sign-in.server';

beforeAll(async () => {
  migrateDatabase(db, resolve('db/migrations'));
  db.insert(referrals)
    .values({
      reference: 'RJ-AAAA-BBBB',
      source: 'self',
      passphraseHash: await hashSecret('right words here'),
      personRole: 'self',
      offenceKind: 'theft',
      reportedToPolice: 'no',
      justiceStage: 'not_sure',
      knowsWhoHarmed: 'no',
      contactKinds: ['not_sure'],
      contactMethod: 'none',
      supportNeeds: ['none'],
    })
    .run();
});

describe('per-address sign-in limit', () => {
  it('stops one address guessing across many references, without stopping others', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      const ref = `RJ-CCCC-${'DEFGHJKMNPQRSTVWXYZ2'[i]}${'DEFGHJKMNPQRSTVWXYZ2'[i]}CC`;
      expect(await signInReferrer(ref, 'guess', '203.0.113.9')).toEqual({ ok: false, reason: 'wrong' });
    }
    expect(await signInReferrer('RJ-AAAA-BBBB', 'right words here', '203.0.113.9')).toEqual({ ok: false, reason: 'locked-address' });
    const other = await signInReferrer('RJ-AAAA-BBBB', 'right words here', '198.51.100.7');
    expect(other.ok).toBe(true);
  });
});
