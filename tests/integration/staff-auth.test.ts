import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, textOf, Visitor, type TestServer } from '../setup/server';
import { codeFor, createStaffViaCli, setUpStaff, STAFF_PASSWORD } from '../setup/staff';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

describe('staff sign-in with an authenticator app', () => {
  it('enrols on first sign-in, then signs in with a code; a reused code is refused', async () => {
    const { key } = await setUpStaff(server, { email: 'enrol@example.org', name: 'Enid Enrol', role: 'facilitator' });
    const v = new Visitor(server.url);
    await v.post('/staff/sign-in', { email: 'enrol@example.org', password: STAFF_PASSWORD });
    const code = await codeFor(key);
    const inside = await v.post('/staff/sign-in/code', { code });
    expect(inside.url).toBe('/staff/cases');
    expect(textOf(inside.html)).toContain('Enid Enrol');

    const again = new Visitor(server.url);
    await again.post('/staff/sign-in', { email: 'enrol@example.org', password: STAFF_PASSWORD });
    const reused = await again.post('/staff/sign-in/code', { code });
    expect(reused.status).toBe(401);
    expect(textOf(reused.html)).toContain('has been used already');
    expect((await again.get('/staff')).url).toBe('/staff/sign-in');
  });

  it('a set-up link works once', async () => {
    const link = await createStaffViaCli(server, { email: 'once@example.org', name: 'Olive Once', role: 'facilitator' });
    expect((await new Visitor(server.url).post(link, { password: STAFF_PASSWORD, confirm: STAFF_PASSWORD })).url).toBe('/staff/set-up/authenticator');
    const second = await new Visitor(server.url).get(link);
    expect(second.status).toBe(404);
  });

  it('takes the one-time token out of the address at once (issue 26)', async () => {
    const link = await createStaffViaCli(server, { email: 'hist@example.org', name: 'Hettie History', role: 'facilitator' });
    const v = new Visitor(server.url);
    const page = await v.get(link);
    // The browser is sent on to the page without the token: history keeps only /staff/set-up.
    expect(page.url).toBe('/staff/set-up');
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain('Hello Hettie History');
    expect(page.html).not.toContain(link.split('token=')[1]!);
    const done = await v.post('/staff/set-up', { password: STAFF_PASSWORD, confirm: STAFF_PASSWORD });
    expect(done.url).toBe('/staff/set-up/authenticator');
  });

  it('a password alone does not open the workspace', async () => {
    await setUpStaff(server, { email: 'half@example.org', name: 'Hal Half', role: 'manager' });
    const v = new Visitor(server.url);
    const afterPassword = await v.post('/staff/sign-in', { email: 'half@example.org', password: STAFF_PASSWORD });
    expect(afterPassword.url).toBe('/staff/sign-in/code');
    for (const path of ['/staff', '/staff/cases', '/staff/accounts']) expect((await v.get(path)).url).toBe('/staff/sign-in');
  });

  it('wrong codes are limited: after 5 the right code is refused too', async () => {
    const { key } = await setUpStaff(server, { email: 'limit@example.org', name: 'Lim Itt', role: 'facilitator' });
    const v = new Visitor(server.url);
    await v.post('/staff/sign-in', { email: 'limit@example.org', password: STAFF_PASSWORD });
    const right = await codeFor(key);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++) expect((await v.post('/staff/sign-in/code', { code: wrong })).status).toBe(401);
    const locked = await v.post('/staff/sign-in/code', { code: right });
    expect(locked.status).toBe(429);
    expect(textOf(locked.html)).toContain('Too many wrong codes');
  });

  it('wrong passwords get one message for both parts and are limited per account', async () => {
    await setUpStaff(server, { email: 'pw@example.org', name: 'Pat Word', role: 'facilitator' });
    const v = new Visitor(server.url);
    const unknown = await v.post('/staff/sign-in', { email: 'nobody@example.org', password: STAFF_PASSWORD });
    const wrong = await v.post('/staff/sign-in', { email: 'pw@example.org', password: 'not it at all' });
    expect(unknown.status).toBe(401);
    expect(textOf(unknown.html)).toContain('The email address or password is not right');
    expect(textOf(wrong.html)).toContain('The email address or password is not right');
    for (let i = 0; i < 4; i++) await v.post('/staff/sign-in', { email: 'pw@example.org', password: `wrong ${i}` });
    const locked = await v.post('/staff/sign-in', { email: 'pw@example.org', password: STAFF_PASSWORD });
    expect(locked.status).toBe(429);
  });

  it('locks are per address, a known device keeps its own allowance, and only a manager lifts a lock (issue 26)', async () => {
    const pat = await setUpStaff(server, { email: 'lock@example.org', name: 'Lou Lock', role: 'facilitator' });
    const boss = await setUpStaff(server, { email: 'lifter@example.org', name: 'Lee Lifter', role: 'manager' });
    // The device cookie is sealed: nothing in it can be read (not the account, not the email).
    const device = decodeURIComponent(pat.visitor.cookies.get('rj_staff_device') ?? '');
    expect(device).not.toBe('');
    for (const part of device.split('.')) expect(Buffer.from(part, 'base64').toString('latin1')).not.toMatch(/lock@example|"u"/);
    // Five wrong tries from one browser without the cookie lock that browser's address out…
    const stranger = new Visitor(server.url);
    for (let i = 0; i < 5; i++) expect((await stranger.post('/staff/sign-in', { email: 'lock@example.org', password: `wrong ${i}` })).status).toBe(401);
    expect((await stranger.post('/staff/sign-in', { email: 'lock@example.org', password: STAFF_PASSWORD })).status).toBe(429);
    // …but not the owner's browser, which has signed in before (same address here, loopback).
    expect((await pat.visitor.post('/staff/sign-in', { email: 'lock@example.org', password: STAFF_PASSWORD })).url).toBe('/staff/sign-in/code');
    // A facilitator cannot lift a lock; a manager can, and the stranger's address is free again.
    const id = /name="staffUserId" value="(\d+)"/.exec(
      (await boss.visitor.get('/staff/accounts')).html.split('<tr').find((r) => r.includes('lock@example.org'))!,
    )![1]!;
    const other = await setUpStaff(server, { email: 'notmanager@example.org', name: 'Nat Not', role: 'facilitator' });
    expect((await other.visitor.post('/staff/accounts', { csrf: other.csrf, intent: 'lift-lock', staffUserId: id })).status).toBe(404);
    const lifted = await boss.visitor.post('/staff/accounts', { csrf: boss.csrf, intent: 'lift-lock', staffUserId: id });
    expect(textOf(lifted.html)).toContain('Sign-in lock lifted');
    expect((await stranger.post('/staff/sign-in', { email: 'lock@example.org', password: STAFF_PASSWORD })).url).toBe('/staff/sign-in/code');
  });

  it('sign out ends the session on the server, and needs the CSRF token', async () => {
    const s = await setUpStaff(server, { email: 'out@example.org', name: 'Otto Out', role: 'facilitator' });
    const copy = new Visitor(server.url);
    copy.cookies = new Map(s.visitor.cookies);
    expect((await s.visitor.post('/staff/sign-out', { csrf: 'forged' })).status).toBe(403);
    // As many characters as the real token, but not as many bytes: refused, not a 500.
    expect((await s.visitor.post('/staff/sign-out', { csrf: 'é'.repeat(s.csrf.length) })).status).toBe(403);
    await s.visitor.post('/staff/sign-out', { csrf: s.csrf });
    expect((await copy.get('/staff')).url).toBe('/staff/sign-in');
  });

  it('a manager can end another member of staff’s sessions and deactivate them', async () => {
    const manager = await setUpStaff(server, { email: 'boss@example.org', name: 'Bo Boss', role: 'manager' });
    const worker = await setUpStaff(server, { email: 'worker@example.org', name: 'Wyn Worker', role: 'facilitator' });
    const accounts = await manager.visitor.get('/staff/accounts');
    const row = accounts.html.split('<tr').find((r) => r.includes('worker@example.org'))!;
    const id = /name="staffUserId" value="(\d+)"/.exec(row)?.[1];
    expect(id).toBeDefined();
    const ended = await manager.visitor.post('/staff/accounts', { csrf: manager.csrf, intent: 'end-sessions', staffUserId: id! });
    expect(textOf(ended.html)).toContain('Ended 1 sessions');
    expect((await worker.visitor.get('/staff')).url).toBe('/staff/sign-in');
    await manager.visitor.post('/staff/accounts', { csrf: manager.csrf, intent: 'deactivate', staffUserId: id! });
    const v = new Visitor(server.url);
    expect((await v.post('/staff/sign-in', { email: 'worker@example.org', password: STAFF_PASSWORD })).status).toBe(401);
    expect(await generate({ secret: worker.key })).toMatch(/^\d{6}$/);
  });

  it('a manager invites someone from the workspace and gets a working set-up link', async () => {
    const manager = await setUpStaff(server, { email: 'inviter@example.org', name: 'Ivy Inviter', role: 'manager' });
    const page = await manager.visitor.post('/staff/accounts', {
      csrf: manager.csrf,
      intent: 'invite',
      name: 'New Person',
      email: 'new@example.org',
      role: 'facilitator',
    });
    const link = /(\/staff\/set-up\?token=[A-Za-z0-9_-]+)/.exec(page.html)?.[1];
    expect(link).toBeDefined();
    expect((await new Visitor(server.url).get(link!)).status).toBe(200);
    const dup = await manager.visitor.post('/staff/accounts', {
      csrf: manager.csrf,
      intent: 'invite',
      name: 'Dup',
      email: 'NEW@example.org',
      role: 'facilitator',
    });
    expect(dup.status).toBe(400);
    expect(textOf(dup.html)).toContain('already an account');
  });
});
