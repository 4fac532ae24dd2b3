// Hostile forms and a storm of sign-ins. Each request is bounded in time (a frozen server
// fails the test instead of hanging it); the server must answer 4xx or 503, never 500, and
// go on answering everyone else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, Visitor, type TestServer } from '../setup/server';
import { report } from './report';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ TRUST_PROXY: '1' });
});
afterAll(() => server.stop());

const post = (path: string, body: string, headers: Record<string, string> = {}, timeoutMs = 5000) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });

describe('hostile field names', () => {
  const deep = (n: number, open: string, close = '') => `a${open.repeat(n)}${close}=x`;
  const cases: [string, string, string][] = [
    ['huge array index', '/staff/sign-in', 'email[30000000]=x&password=y'],
    ['huge array index', '/refer-as-a-professional', 'risks[100000000]=none'],
    ['nested 5,000 deep', '/refer/who', deep(5000, '[0]')],
    ['dotted 10,000 deep', '/check-your-referral', `a${'.a'.repeat(10000)}=x`],
    ['5,000 different fields', '/letters', Array.from({ length: 5000 }, (_, i) => `f${i}=x`).join('&')],
  ];
  it.each(cases)('%s on %s: 400 at once, and the server answers others', async (what, path, body) => {
    const [res, other] = await Promise.all([post(path, body), fetch(`${server.url}/`, { signal: AbortSignal.timeout(5000) })]);
    report(`${what}, ${path}`, `${body.length.toLocaleString('en-GB')} bytes`, `status ${res.status}; GET / ${other.status}`);
    expect(res.status).toBe(400);
    expect(other.status).toBe(200);
  });

  it('an ordinary form still works', async () => {
    const page = await new Visitor(server.url).post('/refer/who', { personRole: 'self' });
    expect(page.url).toBe('/refer/what-happened');
  });
});

const A = '23456789ABCDEFGHJKMNPQRSTVWXYZ'; // the reference alphabet: 300 different references

describe('a storm of sign-ins', () => {
  it('300 at once from 300 addresses: hashing is bounded, the rest are turned away at once with 503, none is a 500', async () => {
    const started = Date.now();
    const statuses = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        post(
          '/check-your-referral',
          `reference=RJ-${A[i % 30]}${A[Math.floor(i / 30)]}AA-AAAA&passphrase=wrong`,
          {
            'X-Forwarded-For': i < 250 ? `198.51.100.${i}` : `203.0.113.${i - 250}`,
          },
          30_000,
        ).then((r) => r.status),
      ),
    );
    const count = (s: number) => statuses.filter((x) => x === s).length;
    report(
      '300 parallel sign-ins, 300 addresses',
      '300 posts',
      `${count(401)} checked, ${count(503)} busy (503), ${count(429)} limited, in ${Date.now() - started} ms`,
    );
    expect(count(500)).toBe(0);
    expect(count(401) + count(503) + count(429)).toBe(300);
    expect(count(503)).toBeGreaterThan(0);
    expect((await fetch(`${server.url}/`)).status).toBe(200);
  });
});

describe('the partner referral form', () => {
  it('keys are the server’s: a made-up key is refused, and one address or one email cannot be flooded', async () => {
    const { partnerAnswers, submissionKeyOf } = await import('../integration/partner');
    const v = new Visitor(server.url, { 'X-Forwarded-For': '192.0.2.7' });
    const forged = await v.post('/refer-as-a-professional', partnerAnswers({ submissionKey: 'A'.repeat(22) + '.' + 'B'.repeat(22) }));
    expect(forged.status).toBe(400);
    const keys = await Promise.all(Array.from({ length: 40 }, async () => submissionKeyOf((await v.get('/refer-as-a-professional')).html)));
    const statuses = await Promise.all(
      keys.map((key) =>
        new Visitor(server.url, { 'X-Forwarded-For': '192.0.2.7' })
          .post('/refer-as-a-professional', partnerAnswers({ submissionKey: key }))
          .then((p) => p.status),
      ),
    );
    const made = statuses.filter((s) => s === 200).length;
    report('40 partner referrals at once, one address, one email', '40 posts', `${made} made, ${statuses.filter((s) => s === 429).length} refused`);
    expect(made).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
  });
});
