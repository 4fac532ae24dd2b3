// Shuttle mediation over HTTP. The rule: nothing a participant writes reaches the other
// side until a facilitator passes it on, and what was removed never reaches them at all.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDb, startServer, textOf, Visitor, type TestServer } from '../setup/server';
import { setUpStaff, staffPost, type SignedInStaff } from '../setup/staff';
import { buildExchange, everythingSeenBy, sendLetter, type Exchange, type Member } from './exchange-fixture';

let server: TestServer;
let fran: SignedInStaff;
let other: SignedInStaff;
let x: Exchange;

beforeAll(async () => {
  server = await startServer();
  [fran, other] = await Promise.all([
    setUpStaff(server, { email: 'fran@example.org', name: 'Fran Facilitator', role: 'facilitator' }),
    setUpStaff(server, { email: 'otto@example.org', name: 'Otto Other', role: 'facilitator' }),
  ]);
  x = await buildExchange(server, fran);
});
afterAll(() => server?.stop());

const post = staffPost;
const versionOf = (html: string) => /name="versionId" value="(\d+)"/.exec(html)![1]!;

async function probeAllLetterIds(m: Member, upTo = 40) {
  const statuses = await Promise.all(Array.from({ length: upTo }, (_, i) => m.visitor.get(`/letters/read/${i + 1}`)));
  return statuses
    .filter((p) => p.status === 200)
    .map((p) => p.html)
    .join('\n');
}

describe('letters between victim and offender', () => {
  it('returned, revised, approved with a redaction: the offender never sees the first version or the removed words', async () => {
    const first = 'FIRST-VERSION-TEXT. You ruined my year and I hate you.';
    const letterId = await sendLetter(x.victim, first);
    expect(textOf((await x.victim.visitor.get('/letters/home')).html)).toContain('With the facilitator: being read');
    expect(await everythingSeenBy(x.offender)).not.toContain('FIRST-VERSION');
    expect((await x.offender.visitor.get(`/letters/read/${letterId}`)).status).toBe(404);

    const review = await fran.visitor.get(`/staff/letters/${letterId}`);
    expect(textOf(review.html)).toContain('FIRST-VERSION-TEXT');
    await post(fran, `/staff/letters/${letterId}`, {
      decision: 'return',
      versionId: versionOf(review.html),
      messageToAuthor: 'Could you say how it felt, without the last sentence?',
    });
    expect(textOf((await x.victim.visitor.get('/letters/home')).html)).toContain('Could you say how it felt');
    expect(await everythingSeenBy(x.offender)).not.toContain('FIRST-VERSION');

    // The victim revises; the phone number is flagged; the facilitator removes it.
    const revised = await x.victim.visitor.get(`/letters/write?letter=${letterId}`);
    expect(textOf(revised.html)).toContain('Could you say how it felt');
    const second = 'SECOND-VERSION. I was frightened for months. Ring me on 07700 900982 if you want to say sorry.';
    const recipient = /name="recipient" value="(\d+)"/.exec(revised.html)![1]!;
    await x.victim.visitor.post('/letters/write', { intent: 'preview', letterId: String(letterId), recipient, body: second });
    expect((await x.victim.visitor.post(`/letters/preview/${letterId}`)).url).toBe('/letters/home?sent=1');
    const review2 = await fran.visitor.get(`/staff/letters/${letterId}`);
    expect(textOf(review2.html)).toContain('Phone number: “07700 900982”');
    const span = /name="remove"[^>]*value="(\d+-\d+)"/.exec(review2.html)?.[1] ?? /value="(\d+-\d+)"[^>]*name="remove"/.exec(review2.html)?.[1];
    expect(span).toBeDefined();
    const approved = await post(fran, `/staff/letters/${letterId}`, { decision: 'approve', versionId: versionOf(review2.html), remove: span! });
    expect(approved.status).toBe(200);

    const seen = await everythingSeenBy(x.offender);
    expect(seen).toContain('SECOND-VERSION. I was frightened for months.');
    expect(seen).toContain('[removed by the facilitator]');
    expect(seen).not.toContain('07700 900982');
    expect(seen).not.toContain('FIRST-VERSION');
    expect(await probeAllLetterIds(x.offender)).not.toContain('FIRST-VERSION');
    // The author is told what was removed.
    expect(textOf((await x.victim.visitor.get('/letters/home')).html)).toContain('Your facilitator removed: “07700 900982”');
    // Records are unalterable: both versions and both decisions are kept.
    const db = new Database(server.dbPath, { readonly: true });
    expect(db.prepare('select count(*) as n from letter_versions where letter_id = ?').get(letterId)).toEqual({ n: 2 });
    expect(db.prepare('select decision from letter_reviews where letter_id = ? order by id').all(letterId)).toEqual([
      { decision: 'returned' },
      { decision: 'approved_with_redactions' },
    ]);
    db.close();
    // A passed-on letter cannot be edited by its author.
    expect((await x.victim.visitor.get(`/letters/write?letter=${letterId}`)).status).toBe(404);
  });

  it('a letter not passed on never reaches the other side; the author gets the message', async () => {
    const letterId = await sendLetter(x.offender, 'NOT-PASSED-ON I know where you live.');
    const review = await fran.visitor.get(`/staff/letters/${letterId}`);
    expect(textOf(review.html)).toContain('“NOT-PASSED-ON I know where you live”: says they know where someone lives, works or goes');
    const refused = await post(fran, `/staff/letters/${letterId}`, {
      decision: 'not_passed_on',
      versionId: versionOf(review.html),
      reasonForRecord: 'A threat',
      messageToAuthorRefused: 'This cannot be passed on.',
    });
    expect(refused.status).toBe(200);
    expect(textOf((await x.offender.visitor.get('/letters/home')).html)).toContain('This cannot be passed on.');
    expect(await probeAllLetterIds(x.victim)).not.toContain('NOT-PASSED-ON');
  });

  it('drafts stay with their author', async () => {
    const write = await x.offender.visitor.get('/letters/write');
    const recipient = /name="recipient" value="(\d+)"/.exec(write.html)![1]!;
    const saved = await x.offender.visitor.post('/letters/write', { intent: 'save', recipient, body: 'DRAFT-ONLY words' });
    expect(saved.url).toMatch(/saved=1$/);
    expect(await probeAllLetterIds(x.victim)).not.toContain('DRAFT-ONLY');
    expect(textOf((await fran.visitor.get('/staff/letters')).html)).not.toContain('DRAFT-ONLY');
  });

  it('drafts are capped: a new one past the limit is refused, saying what to do (issue 26)', async () => {
    // An exchange of its own: this one ends with a full set of drafts.
    const y = await buildExchange(server, fran, { victim: 'Dana Draft', offender: 'Dev Draft' });
    const write = await y.victim.visitor.get('/letters/write');
    const recipient = /name="recipient" value="(\d+)"/.exec(write.html)![1]!;
    const drafts = () =>
      queryDb<{ n: number }>(server.dbPath, "select count(*) as n from letters where author_member_id = ? and status = 'draft'", y.victim.memberId)[0]!.n;
    while (drafts() < 20) await y.victim.visitor.post('/letters/write', { intent: 'save', recipient, body: `Draft ${drafts()}` });
    const refused = await y.victim.visitor.post('/letters/write', { intent: 'save', recipient, body: 'One too many' });
    expect(refused.status).toBe(409);
    expect(textOf(refused.html)).toContain('You have 20 letters you have not sent');
    expect(drafts()).toBe(20);
  });

  it('pausing freezes relay at once; a facilitator resumes with a reason', async () => {
    const letterId = await sendLetter(x.offender, 'PAUSED-LETTER I am sorry.');
    await x.victim.visitor.post('/letters/pause', { how: 'paused' });
    expect(textOf((await x.victim.visitor.get('/letters/home')).html)).toContain('The letter exchange is paused');
    const review = await fran.visitor.get(`/staff/letters/${letterId}`);
    const frozen = await post(fran, `/staff/letters/${letterId}`, { decision: 'approve', versionId: versionOf(review.html) });
    expect(frozen.status).toBe(409);
    expect(textOf(frozen.html)).toContain('The exchange is paused or stopped');
    expect(await probeAllLetterIds(x.victim)).not.toContain('PAUSED-LETTER');
    // Writing is refused while paused too.
    expect((await x.offender.visitor.get('/letters/write')).url).toBe('/letters/home');
    expect((await post(fran, `${x.caseUrl}/letters`, { intent: 'resume', reason: '' })).status).toBe(400);
    await post(fran, `${x.caseUrl}/letters`, { intent: 'resume', reason: 'Spoke to Vera; she is ready' });
    await post(fran, `/staff/letters/${letterId}`, { decision: 'approve', versionId: versionOf(review.html) });
    expect(await everythingSeenBy(x.victim)).toContain('PAUSED-LETTER I am sorry.');
  });

  it('two decisions on one letter at once: only one applies', async () => {
    const letterId = await sendLetter(x.victim, 'RACE-LETTER thank you');
    const review = await fran.visitor.get(`/staff/letters/${letterId}`);
    const versionId = versionOf(review.html);
    const [a, b] = await Promise.all([
      post(fran, `/staff/letters/${letterId}`, { decision: 'approve', versionId }),
      post(fran, `/staff/letters/${letterId}`, { decision: 'return', versionId, messageToAuthor: 'Please change it' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const db = new Database(server.dbPath, { readonly: true });
    expect(db.prepare('select count(*) as n from letter_reviews where letter_id = ?').get(letterId)).toEqual({ n: 1 });
    db.close();
  });

  it('a paper letter is typed in, reviewed, and printed with no one’s details', async () => {
    const page = await fran.visitor.get(`${x.caseUrl}/letters`);
    const author = /<option value="(\d+)">Owen Offender<\/option>/.exec(page.html)![1]!;
    const recipient = /<option value="(\d+)">Vera Victim<\/option>/.exec(page.html)![1]!;
    const recorded = await post(fran, `${x.caseUrl}/letters`, {
      intent: 'paper',
      author,
      recipient,
      body: 'PAPER-LETTER from prison. I think about it every day.',
    });
    expect(recorded.url).toMatch(/^\/staff\/letters\/\d+$/);
    expect(textOf(recorded.html)).toContain('received on paper');
    await post(fran, recorded.url, { decision: 'approve', versionId: versionOf(recorded.html) });
    const print = await fran.visitor.get(`${recorded.url}/print`);
    expect(textOf(print.html)).toContain('PAPER-LETTER from prison.');
    expect(textOf(print.html)).not.toContain('Owen');
    expect(textOf(print.html)).not.toContain('Vera');
    expect(await everythingSeenBy(x.victim)).toContain('This letter was written on paper');
    // The case file has every version, including what was never passed on.
    const record = await fran.visitor.get(`${x.caseUrl}/letters/print`);
    expect(textOf(record.html)).toContain('FIRST-VERSION-TEXT');
    expect(textOf(record.html)).toContain('Removed: “07700 900982”');
  });

  it('a kind of flag turned off for one version needs a reason, is audited, is the assigned facilitator’s alone, and comes back with a new version', async () => {
    const body = 'I am on B wing, cell 214 now. Add me on snap as owen_77 if you want.';
    const letterId = await sendLetter(x.offender, body);
    const review = await fran.visitor.get(`/staff/letters/${letterId}`);
    const flagsOf = (html: string) => textOf(/<dl[^>]*id="safety-flags"[\s\S]*?<\/dl>/.exec(html)?.[0] ?? '');
    expect(flagsOf(review.html)).toContain('“B wing”: where someone is held: wing, landing or cell');
    expect(flagsOf(review.html)).toContain('“snap as owen_77”: a handle named after a social media platform');
    const versionId = versionOf(review.html);
    const rows = () => queryDb<{ kind: string; reason: string }>(server.dbPath, 'select kind, reason from letter_flags_off where letter_id = ?', letterId);
    const audit = () =>
      queryDb<{ action: string }>(
        server.dbPath,
        "select action from audit_events where subject_type = 'letter' and subject_id = ? and action like 'letter.flags_%' order by id",
        String(letterId),
      ).map((r) => r.action);

    // Not without a reason, not an unknown kind, not someone else's case, not without the form's token.
    const noReason = await post(fran, `/staff/letters/${letterId}`, { intent: 'flags-off', versionId, kind: 'custody', reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(textOf(noReason.html)).toContain('Say why these flags are a false alarm in this letter');
    expect((await post(fran, `/staff/letters/${letterId}`, { intent: 'flags-off', versionId, kind: 'everything', reason: 'x' })).status).toBe(400);
    // Only a kind that is flagged in this version; a reason of invisible characters is no reason.
    const notFlagged = await post(fran, `/staff/letters/${letterId}`, { intent: 'flags-off', versionId, kind: 'threat', reason: 'x' });
    expect(notFlagged.status).toBe(400);
    expect(textOf(notFlagged.html)).toContain('Nothing of that kind is flagged in this version');
    expect((await post(fran, `/staff/letters/${letterId}`, { intent: 'flags-off', versionId, kind: 'custody', reason: '\u200b\u200b' })).status).toBe(400);
    expect((await post(fran, `/staff/letters/${letterId}`, { intent: 'flags-off', versionId: '1e99', kind: 'custody', reason: 'x' })).status).toBe(400);
    expect((await post(other, `/staff/letters/${letterId}`, { intent: 'flags-off', versionId, kind: 'custody', reason: 'x' })).status).toBe(404);
    expect((await fran.visitor.post(`/staff/letters/${letterId}`, { intent: 'flags-off', versionId, kind: 'custody', reason: 'x' })).status).toBe(403);
    expect(rows()).toEqual([]);

    const off = await post(fran, `/staff/letters/${letterId}`, {
      intent: 'flags-off',
      versionId,
      kind: 'custody',
      reason: 'The victim writes to this prison through us already.',
    });
    expect(off.url).toBe(`/staff/letters/${letterId}`);
    expect(flagsOf(off.html)).not.toContain('B wing');
    expect(flagsOf(off.html)).toContain('snap as owen_77');
    expect(textOf(off.html)).toContain('The victim writes to this prison through us already.');
    expect(off.html).not.toMatch(/<mark[^>]*>B wing<\/mark>/);
    // Quieter, never hidden: the words are still listed with the reason, and can still be removed.
    expect(textOf(/<ul[^>]*id="flags-turned-off"[\s\S]*?<\/li>\s*<\/ul>/.exec(off.html)?.[0] ?? '')).toContain('“B wing”: where someone is held');
    expect(textOf(off.html)).toContain('Where someone is held in prison: “B wing” (turned off)');
    expect(rows()).toEqual([{ kind: 'custody', reason: 'The victim writes to this prison through us already.' }]);
    // A second turning off is refused, changes nothing and writes no second audit row.
    expect((await post(fran, `/staff/letters/${letterId}`, { intent: 'flags-off', versionId, kind: 'custody', reason: 'again' })).status).toBe(409);
    expect(rows()).toHaveLength(1);
    expect(audit()).toEqual(['letter.flags_turned_off']);

    // Returned and revised: the new version shows every flag again, and the old version can no longer be changed.
    await post(fran, `/staff/letters/${letterId}`, { decision: 'return', versionId, messageToAuthor: 'Please leave out where you are.' });
    const revised = await x.offender.visitor.get(`/letters/write?letter=${letterId}`);
    const recipient = /name="recipient" value="(\d+)"/.exec(revised.html)![1]!;
    await x.offender.visitor.post('/letters/write', { intent: 'preview', letterId: String(letterId), recipient, body: body + ' Sorry.' });
    await x.offender.visitor.post(`/letters/preview/${letterId}`);
    const review2 = await fran.visitor.get(`/staff/letters/${letterId}`);
    expect(flagsOf(review2.html)).toContain('B wing');
    expect((await post(fran, `/staff/letters/${letterId}`, { intent: 'flags-on', versionId, kind: 'custody' })).status).toBe(409);

    // Turned off and back on for the new version: two more audit rows, no row left.
    const v2 = versionOf(review2.html);
    await post(fran, `/staff/letters/${letterId}`, { intent: 'flags-off', versionId: v2, kind: 'social', reason: 'Known to us.' });
    const on = await post(fran, `/staff/letters/${letterId}`, { intent: 'flags-on', versionId: v2, kind: 'social' });
    expect(flagsOf(on.html)).toContain('snap as owen_77');
    // Turned back on, the record stays: who, why and when, for this version and the one before, in the letter's history.
    expect(
      queryDb<{ kind: string; on: number }>(
        server.dbPath,
        'select kind, turned_on_at is not null as "on" from letter_flags_off where letter_id = ? order by id',
        letterId,
      ),
    ).toEqual([
      { kind: 'custody', on: 0 },
      { kind: 'social', on: 1 },
    ]);
    expect(textOf(on.html)).toContain('The victim writes to this prison through us already.');
    expect(textOf(on.html)).toMatch(/Social media flags turned off by Fran Facilitator on .*: Known to us\. Turned back on by Fran Facilitator on/);
    expect(audit()).toEqual(['letter.flags_turned_off', 'letter.flags_turned_off', 'letter.flags_turned_on']);
  });

  it('other people cannot reach these letters: another case’s participant, an unassigned facilitator', async () => {
    const y = await buildExchange(server, other, { victim: 'Yara Victim', offender: 'Yusuf Offender' });
    expect(await probeAllLetterIds(y.victim)).toBe('');
    expect(await probeAllLetterIds(y.offender)).toBe('');
    expect((await other.visitor.get(`/staff/cases/${x.caseId}/letters`)).status).toBe(404);
    const queue = await other.visitor.get('/staff/letters');
    expect(textOf(queue.html)).not.toContain('RACE-LETTER');
    const db = new Database(server.dbPath, { readonly: true });
    const someLetter = (db.prepare('select id from letters order by id limit 1').get() as { id: number }).id;
    db.close();
    expect((await other.visitor.get(`/staff/letters/${someLetter}`)).status).toBe(404);
    expect((await other.visitor.get(`/staff/letters/${someLetter}/print`)).status).toBe(404);
  });

  it('participants sign in with their reference and passphrase, with the same limits', async () => {
    const v = new Visitor(server.url);
    expect((await v.post('/letters', { reference: x.victim.reference, passphrase: 'wrong' })).status).toBe(401);
    const ok = await v.post('/letters', { reference: x.victim.reference.toLowerCase(), passphrase: x.victim.passphrase });
    expect(ok.url).toBe('/letters/home');
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(ok.html).toContain('Exit this page');
    const w = new Visitor(server.url);
    for (let i = 0; i < 5; i++) await w.post('/letters', { reference: x.offender.reference, passphrase: `guess ${i}` });
    expect((await w.post('/letters', { reference: x.offender.reference, passphrase: x.offender.passphrase })).status).toBe(429);
  });
});
