// Sign-in limits must stop guessing without letting a stranger keep the owner out (issue 26,
// decision 023). Staff emails are guessable and references can be known by the person who
// did the harm: both try to lock their target out, from one address and then from many.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referInFull, signIn } from '../integration/flow';
import { queryDb, startServer, textOf, Visitor, type TestServer } from '../setup/server';
import { codeFor, setUpTeam, staffPost, STAFF_PASSWORD, type SignedInStaff } from '../setup/staff';
import { report } from './report';

let server: TestServer;
let fran: SignedInStaff;
let morgan: SignedInStaff;
beforeAll(async () => {
  // The server trusts one proxy: X-Forwarded-For stands for the address a request comes from.
  server = await startServer({ TRUST_PROXY: '1' });
  ({ fran, morgan } = await setUpTeam(server));
});
afterAll(() => server.stop());

const from = (address: string) => new Visitor(server.url, { 'X-Forwarded-For': address });

/**
 * `tries` wrong sign-ins from each of `addresses`: an address's tries all at once, one address
 * after another (all at once, the server sheds some with 503 before counting them).
 */
async function attack(path: string, addresses: string[], tries: number, fields: () => Record<string, string>) {
  const by: Record<number, number> = {};
  for (const a of addresses) {
    const pages = await Promise.all(Array.from({ length: tries }, () => from(a).post(path, fields())));
    for (const p of pages) by[p.status] = (by[p.status] ?? 0) + 1;
  }
  return by;
}
const addresses = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}.${i + 1}`);

/** Signs in to the staff workspace with the right password and code, on `visitor`; returns where it ended. */
async function staffSignIn(visitor: Visitor, email: string, key: string, stepsAhead: number) {
  const first = await visitor.post('/staff/sign-in', { email, password: STAFF_PASSWORD });
  if (first.url !== '/staff/sign-in/code') return { status: first.status, text: textOf(first.html) };
  const done = await visitor.post('/staff/sign-in/code', { code: await codeFor(key, stepsAhead) });
  return { status: done.status, url: done.url, text: textOf(done.html) };
}

describe('lockouts are not a weapon: staff', () => {
  it('a stranger failing from seven addresses cannot keep Fran out of her own device; she is told once; a manager lifts the lock', async () => {
    const attacked = await attack('/staff/sign-in', addresses('198.51.100', 7), 6, () => ({ email: 'fran@example.org', password: 'not the password' }));
    report('wrong staff passwords, 7 addresses × 6', '42 posts', JSON.stringify(attacked));
    // Each address had its 5; the account's 30 from everywhere is then reached too.
    expect(attacked[401]).toBe(30);
    expect(attacked[429]).toBe(12);

    // Fran, on the browser she has signed in on before (its device cookie), from her own address.
    fran.visitor.headers['X-Forwarded-For'] = '192.0.2.10';
    await fran.visitor.post('/staff/sign-out', { csrf: fran.csrf });
    const own = await staffSignIn(fran.visitor, fran.email, fran.key, 1);
    expect(own.url, own.text.slice(0, 300)).toBe('/staff/cases');

    // On a new device, somewhere else, the account's lock holds, and says what to do.
    const elsewhere = from('192.0.2.20');
    const refused = await staffSignIn(elsewhere, fran.email, fran.key, 2);
    expect(refused.status).toBe(429);
    expect(refused.text).toContain('sign in on a device you have used before, or ask a manager to lift the lock');

    // Told once, whatever the number of tries: a content-free email.
    const told = queryDb<{ subject: string; text: string }>(server.dbPath, "select subject, text from outbox where template = 'staff-sign-in-attempts'");
    expect(told).toHaveLength(1);
    expect(told[0]!.subject).toBe('Someone has been trying to sign in to your account');
    expect(told[0]!.text).not.toMatch(/198\.51\.100|not the password/);

    // A manager sees the tries and lifts the lock; it is audited.
    const accounts = await morgan.visitor.get('/staff/accounts');
    expect(textOf(accounts.html)).toContain('30 failed sign-ins in 15 minutes');
    const franId = queryDb<{ id: number }>(server.dbPath, "select id from staff_users where email = 'fran@example.org'")[0]!.id;
    const lifted = await staffPost(morgan, '/staff/accounts', { intent: 'lift-lock', staffUserId: String(franId) });
    expect(textOf(lifted.html)).toContain('Sign-in lock lifted');
    expect(queryDb(server.dbPath, "select 1 from audit_events where action = 'staff.sign_in_lock_lifted' and subject_id = ?", String(franId))).toHaveLength(1);
    // The password is taken again there (the code's step was used a moment ago by her own sign-in).
    const after = await elsewhere.post('/staff/sign-in', { email: fran.email, password: STAFF_PASSWORD });
    expect(after.url, textOf(after.html).slice(0, 300)).toBe('/staff/sign-in/code');
  });
});

describe('lockouts are not a weapon: references', () => {
  it('someone who knows a reference, failing from nine addresses, does not keep its owner out', async () => {
    const issued = await referInFull(from('192.0.2.30'));
    const attacked = await attack('/check-your-referral', addresses('203.0.113', 9), 6, () => ({
      reference: issued.reference,
      passphrase: 'a wrong guess here',
    }));
    report('wrong passphrases for one reference, 9 addresses × 6', '54 posts', JSON.stringify(attacked));
    expect(attacked[401]).toBe(45);
    expect(attacked[429]).toBe(9);

    const owner = from('192.0.2.31');
    const page = await signIn(owner, issued.reference, issued.passphrase);
    expect(page.url, textOf(page.html).slice(0, 300)).toBe('/check-your-referral/status');
  });
});
