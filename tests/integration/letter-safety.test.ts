// A letter cannot leave with an unchecked flag (issue 25), over HTTP on the built server:
// phone numbers hidden by invisible or look-alike characters are flagged and nothing hidden
// is relayed; every contact, where and threat flag is removed or kept with a reason; a kept
// threat waits for a second reader, a manager who is not the first reader.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDb, startServer, textOf, type TestServer } from '../setup/server';
import { setUpStaff, staffPost, type SignedInStaff } from '../setup/staff';
import { buildExchange, everythingSeenBy, sendLetter, type Exchange } from './exchange-fixture';

let server: TestServer;
let fran: SignedInStaff;
let mo: SignedInStaff;
let mia: SignedInStaff;
let x: Exchange;

beforeAll(async () => {
  server = await startServer();
  [fran, mo, mia] = await Promise.all([
    setUpStaff(server, { email: 'fran@example.org', name: 'Fran Facilitator', role: 'facilitator' }),
    setUpStaff(server, { email: 'mo@example.org', name: 'Mo Manager', role: 'manager' }),
    setUpStaff(server, { email: 'mia@example.org', name: 'Mia Manager', role: 'manager' }),
  ]);
  x = await buildExchange(server, fran);
});
afterAll(() => server?.stop());

const versionOf = (html: string) => /name="versionId" value="(\d+)"/.exec(html)![1]!;
/** The removal boxes and the reason fields on the review page, by what they flag. */
function flagFields(html: string) {
  const remove = [...html.matchAll(/name="remove"[^>]*value="(\d+-\d+)"|value="(\d+-\d+)"[^>]*name="remove"/g)].map((m) => m[1] ?? m[2]!);
  const keep = [...html.matchAll(/name="(keep-\d+-\d+)"/g)].map((m) => m[1]!);
  return { remove, keep };
}
const HIDDEN = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]/;
const ZW = '\u200B';

describe('hidden and look-alike characters', () => {
  const tricks: Record<string, string> = {
    'zero-width spaces': `Ring me on 0${ZW}7${ZW}7${ZW}0${ZW}0 9${ZW}0${ZW}0${ZW}9${ZW}1${ZW}1 if you want.`,
    'fullwidth digits': 'Ring me on ０７７００ ９００９１１ if you want.',
    'soft hyphens': 'Ring me on 077\u00AD00 900\u00AD911 if you want.',
    'a right-to-left override': 'Ring me on \u202E119009 00770\u202C if you want.',
  };
  it.each(Object.entries(tricks))('a phone number hidden with %s is flagged, and what is relayed has no hidden characters', async (_, body) => {
    const letterId = await sendLetter(x.victim, `I am writing to say how it was. ${body}`);
    const review = await fran.visitor.get(`/staff/letters/${letterId}`);
    expect(textOf(review.html)).toMatch(/Phone number: “/);
    // The facilitator sees the text as it would be relayed: the hidden characters are named, not shown.
    expect(review.html).not.toMatch(HIDDEN);
    const { remove } = flagFields(review.html);
    expect(remove.length).toBeGreaterThan(0);
    const sent = await staffPost(fran, `/staff/letters/${letterId}`, { decision: 'approve', versionId: versionOf(review.html), remove });
    expect(sent.url).toBe(`/staff/letters/${letterId}?saved=decision`);
    // The page confirms what happened (an announced banner), not only a changed status.
    expect(textOf(sent.html)).toContain('Decision saved The letter is passed on.');
    const relayed = queryDb<{ t: string }>(server.dbPath, 'select relayed_text as t from letters where id = ?', letterId)[0]!.t;
    expect(relayed).not.toMatch(HIDDEN);
    expect(relayed).toContain('[removed by the facilitator]');
    expect(await everythingSeenBy(x.offender)).not.toMatch(HIDDEN);
  });

  it('names hidden characters as a flag of their own', async () => {
    const letterId = await sendLetter(x.victim, `Nothing to see here, just s${ZW}${ZW}${ZW}orry for the wait.`);
    expect(textOf((await fran.visitor.get(`/staff/letters/${letterId}`)).html)).toContain('hidden characters: 3 zero-width spaces');
  });

  it('refuses a letter made only of invisible characters (every other free-text field: message-schema.test.ts)', async () => {
    const write = await x.victim.visitor.get('/letters/write');
    const recipient = /name="recipient" value="(\d+)"/.exec(write.html)![1]!;
    const blank = `${ZW}\u2060\uFEFF \u00AD`;
    const preview = await x.victim.visitor.post('/letters/write', { intent: 'preview', recipient, body: blank });
    expect(preview.status).toBe(400);
    expect(textOf(preview.html)).toContain('Write your letter before you preview it');
  });
});

describe('every flag answered before a letter leaves', () => {
  it('cannot be passed on with a standing flag and no reason; kept with a reason, the decision lists it and the audit has it', async () => {
    const letterId = await sendLetter(
      x.offender,
      'I am sorry for what I did. I know your Jack goes to Oakfield Primary School now. You can write to me at owen.o@example.com.',
    );
    const review = await fran.visitor.get(`/staff/letters/${letterId}`);
    const { keep } = flagFields(review.html);
    expect(keep.length).toBeGreaterThanOrEqual(2);
    // Three keystrokes: "Pass it on", nothing removed, nothing said.
    const bare = await staffPost(fran, `/staff/letters/${letterId}`, { decision: 'approve', versionId: versionOf(review.html) });
    expect(bare.status).toBe(400);
    expect(textOf(bare.html)).toContain('Say why these words can stay, or select them above to remove them');
    expect(queryDb(server.dbPath, 'select status from letters where id = ?', letterId)).toEqual([{ status: 'waiting' }]);
    expect(await everythingSeenBy(x.victim)).not.toContain('Oakfield');

    // Remove the email; keep the school with a reason. Every other standing flag gets one too.
    const page = textOf(review.html);
    expect(page).toContain('Email address: “owen.o@example.com”');
    const fields: Record<string, string | string[]> = { decision: 'approve', versionId: versionOf(review.html) };
    const bodyText = queryDb<{ body: string }>(server.dbPath, 'select body from letter_versions where letter_id = ?', letterId)[0]!.body;
    const at = bodyText.indexOf('owen.o@example.com');
    const emailSpan = `${at}-${at + 'owen.o@example.com'.length}`;
    fields.remove = emailSpan;
    for (const k of keep) if (k !== `keep-${emailSpan}`) fields[k] = 'The school is already known to both';
    // A threat kept here ("I know your Jack goes to …") would wait for a second reader; this test keeps only where-flags.
    const threatKept = textOf(review.html).includes('Threat or pressure');
    const sent = await staffPost(fran, `/staff/letters/${letterId}`, fields);
    expect(sent.status).toBe(200);
    const status = queryDb<{ status: string }>(server.dbPath, 'select status from letters where id = ?', letterId)[0]!.status;
    expect(status).toBe(threatKept ? 'second_reading' : 'passed_on');
    const actions = queryDb<{ action: string }>(
      server.dbPath,
      "select action from audit_events where subject_type = 'letter' and subject_id = ? order by id",
      String(letterId),
    ).map((r) => r.action);
    expect(actions).toContain(threatKept ? 'letter.second_reader_asked' : 'letter.flags_kept');
  });
});

describe('a second reader for a kept threat', () => {
  it('waits for a manager who is not the first reader; they agree and it goes, naming both', async () => {
    const body = 'I am sorry. But you should think hard about dropping the statement before the trial.';
    const letterId = await sendLetter(x.offender, body);
    const review = await fran.visitor.get(`/staff/letters/${letterId}`);
    expect(textOf(review.html)).toContain('Threat or pressure');
    const { keep } = flagFields(review.html);
    const fields: Record<string, string> = { decision: 'approve', versionId: versionOf(review.html) };
    for (const k of keep) fields[k] = 'The victim asked to see his words as written';
    const before = queryDb<{ n: number }>(server.dbPath, 'select coalesce(max(id), 0) as n from outbox')[0]!.n;
    await staffPost(fran, `/staff/letters/${letterId}`, fields);
    expect(queryDb(server.dbPath, 'select status from letters where id = ?', letterId)).toEqual([{ status: 'second_reading' }]);
    expect(await everythingSeenBy(x.victim)).not.toContain('dropping the statement');
    // Every manager is told, without a word of the letter.
    const told = queryDb<{ subject: string }>(server.dbPath, "select subject from outbox where template = 'letter-second-reader' and id > ?", before);
    expect(told).toEqual([{ subject: 'A letter needs a second reader' }, { subject: 'A letter needs a second reader' }]);
    // The author sees no difference: it is still being read.
    expect(textOf((await x.offender.visitor.get('/letters/home')).html)).toContain('With the facilitator: being read');

    // The letters queue says it waits (the worklist's words are in worklist.test.ts).
    expect(textOf((await mo.visitor.get('/staff/letters')).html)).toContain('Waiting for a second reader');

    // The first reader cannot be the second; a facilitator cannot either.
    const asFran = await fran.visitor.get(`/staff/letters/${letterId}`);
    expect(textOf(asFran.html)).toContain('A manager who did not make the first decision reads it next');
    const readingId = queryDb<{ id: number }>(server.dbPath, 'select id from letter_second_readings where letter_id = ?', letterId)[0]!.id;
    const self = await staffPost(fran, `/staff/letters/${letterId}`, { intent: 'second-read', readingId: String(readingId), secondDecision: 'agree' });
    expect(self.status).toBe(403);
    expect(queryDb(server.dbPath, 'select status from letters where id = ?', letterId)).toEqual([{ status: 'second_reading' }]);

    // Mo sends it back; Fran decides again and keeps it again; Mia agrees.
    const asMo = await mo.visitor.get(`/staff/letters/${letterId}`);
    expect(textOf(asMo.html)).toContain('The victim asked to see his words as written');
    const noNote = await staffPost(mo, `/staff/letters/${letterId}`, { intent: 'second-read', readingId: String(readingId), secondDecision: 'send-back' });
    expect(noNote.status).toBe(400);
    await staffPost(mo, `/staff/letters/${letterId}`, {
      intent: 'second-read',
      readingId: String(readingId),
      secondDecision: 'send-back',
      note: 'Talk to the victim first',
    });
    const again = await fran.visitor.get(`/staff/letters/${letterId}`);
    expect(textOf(again.html)).toContain('Talk to the victim first');
    await staffPost(fran, `/staff/letters/${letterId}`, { ...fields, versionId: versionOf(again.html) });
    const second = queryDb<{ id: number }>(server.dbPath, 'select id from letter_second_readings where letter_id = ? and outcome is null', letterId)[0]!.id;
    const agreed = await staffPost(mia, `/staff/letters/${letterId}`, { intent: 'second-read', readingId: String(second), secondDecision: 'agree' });
    expect(agreed.status).toBe(200);
    expect(await everythingSeenBy(x.victim)).toContain('dropping the statement');
    const review2 = queryDb<{ by: string; second: string; kept: string }>(
      server.dbPath,
      'select b.name as by, s.name as second, r.kept from letter_reviews r join staff_users b on b.id = r.by_staff_id join staff_users s on s.id = r.second_by_staff_id where r.letter_id = ?',
      letterId,
    )[0]!;
    expect([review2.by, review2.second]).toEqual(['Fran Facilitator', 'Mia Manager']);
    expect(JSON.parse(review2.kept)[0].reason).toBe('The victim asked to see his words as written');
    expect(textOf((await fran.visitor.get(`/staff/letters/${letterId}`)).html)).toContain('Read again and agreed by Mia Manager');
  });

  it('a threat turned off as a kind is still a threat left in: it waits for a second reader too (from the attacker review)', async () => {
    const letterId = await sendLetter(x.offender, 'I will kill you when I get out. You should drop the statement before the trial.');
    const review = await fran.visitor.get(`/staff/letters/${letterId}`);
    const versionId = versionOf(review.html);
    const off = await staffPost(fran, `/staff/letters/${letterId}`, { intent: 'flags-off', versionId, kind: 'threat', reason: 'A figure of speech' });
    expect(off.status).toBe(200);
    const page = await fran.visitor.get(`/staff/letters/${letterId}`);
    const fields: Record<string, string> = { decision: 'approve', versionId };
    for (const k of flagFields(page.html).keep) fields[k] = 'Known to both';
    await staffPost(fran, `/staff/letters/${letterId}`, fields);
    expect(queryDb(server.dbPath, 'select status from letters where id = ?', letterId)).toEqual([{ status: 'second_reading' }]);
    const kept = queryDb<{ kept: string }>(server.dbPath, 'select kept from letter_second_readings where letter_id = ?', letterId)[0]!.kept;
    expect(JSON.parse(kept).map((k: { reason: string }) => k.reason)).toContain('Threat flags turned off: A figure of speech');
    expect(await everythingSeenBy(x.victim)).not.toContain('kill you');
  });

  it('a letter with more flags of a kind than can be shown cannot be passed on', async () => {
    const letterId = await sendLetter(x.offender, `${'Ring 0770090012 '.repeat(310)}`.slice(0, 4900));
    const review = await fran.visitor.get(`/staff/letters/${letterId}`);
    expect(textOf(review.html)).toContain('It cannot be passed on as it is');
    const fields: Record<string, string> = { decision: 'approve', versionId: versionOf(review.html) };
    for (const k of flagFields(review.html).keep) fields[k] = 'Fine';
    const sent = await staffPost(fran, `/staff/letters/${letterId}`, fields);
    expect(sent.status).toBe(400);
    expect(textOf(sent.html)).toContain('more flagged parts than can be checked');
    expect(queryDb(server.dbPath, 'select status from letters where id = ?', letterId)).toEqual([{ status: 'waiting' }]);
  });
});
