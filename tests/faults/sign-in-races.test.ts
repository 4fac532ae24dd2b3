// Sign-in limits under parallel requests: an attacker firing many guesses at once gets no
// more guesses checked than the limit (5 per reference or account), the rest are refused
// with 429 before any hash runs, and afterwards even the right secret is refused until the
// window ends. Also: a new set-up code ends the participant's sessions, and signing out of
// one passphrase area ends the other on the same browser.
import { afterEach, describe, expect, it } from 'vitest';
import { buildExchange } from '../integration/exchange-fixture';
import { referInFull } from '../integration/flow';
import { startServer, textOf, Visitor, type TestServer } from '../setup/server';
import { setUpStaff, STAFF_PASSWORD } from '../setup/staff';
import { report } from './report';

const LIMIT = 5;
const PARALLEL = 50;
let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** Fires `n` posts at once, each from a fresh browser; returns the count of each status. */
async function storm(path: string, n: number, fields: (i: number) => Record<string, string>) {
  const pages = await Promise.all(Array.from({ length: n }, (_, i) => new Visitor(server!.url).post(path, fields(i))));
  const by = new Map<number, number>();
  for (const p of pages) by.set(p.status, (by.get(p.status) ?? 0) + 1);
  return { checked: by.get(401) ?? 0, refused: by.get(429) ?? 0, other: pages.length - (by.get(401) ?? 0) - (by.get(429) ?? 0) };
}

describe('sign-in limits hold under parallel requests', () => {
  it('check your referral: 50 guesses at once, at most 5 checked, then the right passphrase is refused', async () => {
    server = await startServer();
    const issued = await referInFull(new Visitor(server.url));
    const r = await storm('/check-your-referral', PARALLEL, (i) => ({ reference: issued.reference, passphrase: `wrong guess number ${i} here` }));
    report('parallel wrong passphrases, /check-your-referral', `${PARALLEL} posts`, `${r.checked} checked, ${r.refused} refused`);
    expect(r.checked).toBeLessThanOrEqual(LIMIT);
    expect(r.checked + r.refused).toBe(PARALLEL);
    const right = await new Visitor(server.url).post('/check-your-referral', { reference: issued.reference, passphrase: issued.passphrase });
    expect(right.status).toBe(429);
  });

  it('letters: at most 5 passphrases checked; set-up codes share the limit, and a locked reference refuses the right code', async () => {
    server = await startServer();
    const facilitator = await setUpStaff(server, { email: 'fran@example.org', name: 'Fran', role: 'facilitator' });
    const x = await buildExchange(server, facilitator);
    const r = await storm('/letters', PARALLEL, (i) => ({ reference: x.victim.reference, passphrase: `wrong guess number ${i} here` }));
    report('parallel wrong passphrases, /letters', `${PARALLEL} posts`, `${r.checked} checked, ${r.refused} refused`);
    expect(r.checked).toBeLessThanOrEqual(LIMIT);
    expect(r.checked + r.refused).toBe(PARALLEL);
    expect((await new Visitor(server.url).post('/letters', { reference: x.victim.reference, passphrase: x.victim.passphrase })).status).toBe(429);

    // The other participant's reference: 25 wrong set-up codes at once.
    const codes = await storm('/letters/set-up', 25, (i) => ({
      reference: x.offender.reference,
      setUpCode: `ZZZZ-${String(1000 + i)}`,
      passphrase: 'a passphrase the guesser chose',
      confirm: 'a passphrase the guesser chose',
    }));
    report('parallel wrong set-up codes, /letters/set-up', '25 posts', `${codes.checked} checked, ${codes.refused} refused`);
    expect(codes.checked).toBeLessThanOrEqual(LIMIT);
    expect(codes.refused).toBeGreaterThanOrEqual(20);
    // The facilitator issues a new code; while the reference is locked, even it is refused.
    const invited = await facilitator.visitor.post(`${x.caseUrl}/letters`, {
      csrf: facilitator.csrf,
      intent: 'invite',
      participantId: await participantIdOf(x.caseUrl, 'offender', facilitator.visitor),
    });
    const code = /Set-up code <strong>([A-Z0-9-]+)<\/strong>/.exec(invited.html)?.[1];
    expect(code).toBeDefined();
    const locked = await new Visitor(server.url).post('/letters/set-up', {
      reference: x.offender.reference,
      setUpCode: code!,
      passphrase: 'a passphrase the guesser chose',
      confirm: 'a passphrase the guesser chose',
    });
    expect(locked.status).toBe(429);
  });

  it('staff password: at most 5 checked per account, then the right password is refused', async () => {
    server = await startServer();
    await setUpStaff(server, { email: 'max@example.org', name: 'Max', role: 'manager' });
    const r = await storm('/staff/sign-in', PARALLEL, (i) => ({ email: 'max@example.org', password: `not the password ${i}` }));
    report('parallel wrong passwords, /staff/sign-in', `${PARALLEL} posts`, `${r.checked} checked, ${r.refused} refused`);
    expect(r.checked).toBeLessThanOrEqual(LIMIT);
    expect(r.checked + r.refused).toBe(PARALLEL);
    expect((await new Visitor(server.url).post('/staff/sign-in', { email: 'max@example.org', password: STAFF_PASSWORD })).status).toBe(429);
  });
});

describe('sessions end when they should', () => {
  it('a new set-up code for a participant ends every session they had', async () => {
    server = await startServer();
    const facilitator = await setUpStaff(server, { email: 'fran@example.org', name: 'Fran', role: 'facilitator' });
    const x = await buildExchange(server, facilitator);
    expect((await x.victim.visitor.get('/letters/home')).url).toBe('/letters/home');
    const reinvited = await facilitator.visitor.post(`${x.caseUrl}/letters`, {
      csrf: facilitator.csrf,
      intent: 'invite',
      participantId: await participantIdOf(x.caseUrl, 'victim', facilitator.visitor),
    });
    expect(reinvited.html).toContain('Set-up code');
    const after = await x.victim.visitor.get('/letters/home');
    report('re-invite while signed in', 'GET /letters/home', after.url);
    expect(after.url).not.toBe('/letters/home');
  });

  it('signing out of letters also ends the referral session on the same browser', async () => {
    server = await startServer();
    const v = new Visitor(server.url);
    const issued = await referInFull(v);
    expect((await v.post('/check-your-referral', { reference: issued.reference, passphrase: issued.passphrase })).url).toBe('/check-your-referral/status');
    // A browser holding both cookies: the referral one, and a letters one.
    v.cookies.set('rj_letters', 'stale-or-real');
    const out = await v.post('/letters/sign-out', {});
    expect(textOf(out.html)).toContain('You have signed out');
    expect((await v.get('/check-your-referral/status')).url).not.toBe('/check-your-referral/status');
  });
});

async function participantIdOf(caseUrl: string, role: 'victim' | 'offender', visitor: Visitor) {
  const page = await visitor.get(caseUrl);
  const ids = [...page.html.matchAll(/participants\/(\d+)/g)].map((m) => m[1]!);
  return role === 'victim' ? ids[0]! : ids[1]!;
}
