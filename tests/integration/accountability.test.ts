// What the service promises, held and proved (issue 23): the outcome agreement is the
// participants' own (each one's agreement recorded, shown and printable on their own page),
// feedback reaches everyone who took part, and "you said, we did" is public without naming
// anyone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDb, textOf, Visitor, type TestServer } from '../setup/server';
import { startSmtpSink } from '../setup/smtp';
import { startTeamServer, staffPost, type SignedInStaff } from '../setup/staff';
import { buildExchange, sendLetter } from './exchange-fixture';
import { referInFull, signIn } from './flow';
import { readyCase, readySelfReferral } from './case-fixture';
import { sendPartnerReferral } from './partner';

let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let server: TestServer;
let fran: SignedInStaff;
let otto: SignedInStaff;
let morgan: SignedInStaff;

beforeAll(async () => {
  smtp = await startSmtpSink();
  ({ server, fran, otto, morgan } = await startTeamServer({ SMTP_URL: smtp.url }));
});
afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

const post = staffPost;
const today = new Date().toISOString().slice(0, 10);
const all = <T>(sql: string, ...args: unknown[]) => queryDb<T>(server.dbPath, sql, ...args);
const text = async (v: Visitor, url: string) => textOf((await v.get(url)).html);

/** Waits (bounded) for a mail to this address containing the words, quoted-printable decoded. */
async function mailTo(address: string, containing: string) {
  const end = Date.now() + 10_000;
  for (;;) {
    const m = smtp.received
      .filter((r) => r.to.includes(address))
      .map((r) => r.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '='))
      .find((raw) => raw.includes(containing));
    if (m) return m;
    if (Date.now() > end) throw new Error(`no mail to ${address} containing ${containing}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function addItem(caseUrl: string, participantId: number, description: string) {
  const r = await post(fran, `${caseUrl}/outcome`, {
    intent: 'add-item',
    itemKind: 'apology',
    description,
    participantId: String(participantId),
    dueOn: today,
    evidence: 'A letter, approved and passed on',
  });
  expect(r.status, textOf(r.html).slice(0, 300)).toBe(200);
  return all<{ id: number }>('select id from agreement_items where description = ?', description)[0]!.id;
}

describe('the outcome agreement is the participants’ own', () => {
  it('each person’s agreement is recorded with date and how; they read it in their own words with each item’s progress, and agree on their own page', async () => {
    const x = await buildExchange(server, fran, { victim: 'Agnes Agree', offender: 'Oscar Agree' });
    const [victim, offender] = (['victim', 'offender'] as const).map(
      (role) => all<{ id: number }>('select id from participants where case_id = ? and role = ?', x.caseId, role)[0]!.id,
    ) as [number, number];
    const agreementUrl = `${x.caseUrl}/agreement`;
    // Nothing agreed yet: no agreement on their page, and nothing to record.
    expect((await x.victim.visitor.get('/letters/agreement')).status).toBe(404);
    expect((await post(fran, agreementUrl, { participantId: String(offender), agreedOn: today, how: 'in_person' })).status).toBe(409);

    const apology = await addItem(x.caseUrl, offender, 'A written apology for the break-in');
    // The facilitator records the offender's agreement, given in person.
    const bad = await post(fran, agreementUrl, { participantId: String(offender), agreedOn: '2099-01-01', how: 'carrier pigeon' });
    expect(bad.status).toBe(400);
    expect(all('select id from agreement_consents where case_id = ?', x.caseId)).toEqual([]);
    expect((await post(fran, agreementUrl, { participantId: String(offender), agreedOn: today, how: 'in_person' })).url).toBe(agreementUrl);
    expect(all('select participant_id, how, recorded_by is not null as byStaff from agreement_consents where case_id = ?', x.caseId)).toEqual([
      { participant_id: offender, how: 'in_person', byStaff: 1 },
    ]);

    // The victim sees it from their letters, in victim words, with no staff names or notes.
    const home = await text(x.victim.visitor, '/letters/home');
    expect(home).toMatch(/Your outcome agreement\s*: 0 of 1 done\. Read it and tell us if you agree\./);
    const page = await text(x.victim.visitor, '/letters/agreement');
    expect(page).toContain('A written apology for the break-in');
    expect(page).toContain('Who does it The person who harmed you');
    expect(page).toContain('Progress Not done yet');
    expect(page).not.toMatch(/Oscar|Agnes|Fran/);
    // The offender reads "You".
    expect(await text(x.offender.visitor, '/letters/agreement')).toContain('Who does it You');

    const agreed = await x.victim.visitor.post('/letters/agreement', {});
    expect(agreed.url).toBe('/letters/agreement?agreed=1');
    expect(textOf(agreed.html)).toContain('We have recorded that you agree');
    expect(textOf(agreed.html)).toContain(`You agreed to this on`);
    expect(all('select how, recorded_by from agreement_consents where participant_id = ?', victim)).toEqual([{ how: 'online', recorded_by: null }]);
    const staffView = await text(fran.visitor, agreementUrl);
    expect(staffView).toContain('The victim: agreed on');
    expect(staffView).toContain('(on their own page)');
    expect(staffView).toContain('The person responsible: agreed on');
    // The sheet goes to the people who agreed it: the case's number, never a referral reference (a self-referrer signs in with theirs).
    expect(staffView).not.toMatch(/RJ-[A-Z0-9]{4}-[A-Z0-9]{4}/);
    expect(staffView).toContain(`Case ${x.caseId}`);

    // An item added later is not covered: they are asked again.
    const reparation = await addItem(x.caseUrl, offender, 'Ten hours of garden work');
    expect(await text(fran.visitor, agreementUrl)).toContain('before the latest items were added: ask them again');
    expect(await text(x.victim.visitor, '/letters/agreement')).toContain('I agree to this agreement');
    // Progress shows on their page; the completion note (a staff note) never does.
    await post(fran, `${x.caseUrl}/items/${apology}`, { status: 'done', completedOn: today, note: 'STAFF-NOTE-on-the-apology' });
    await post(fran, `${x.caseUrl}/items/${reparation}`, { status: 'partly', completedOn: today, note: 'STAFF-NOTE-half-done' });
    const progress = await text(x.victim.visitor, '/letters/agreement');
    expect(progress).toContain('Progress Done');
    expect(progress).toContain('Progress Partly done');
    expect(progress).not.toContain('STAFF-NOTE');
    expect(await text(fran.visitor, agreementUrl)).not.toContain('STAFF-NOTE');
    expect(await text(x.victim.visitor, '/letters/home')).toMatch(/Your outcome agreement\s*: 1 of 2 done\./);

    // While the essentials are missing, the person's agreement is not recorded, and is audited as refused.
    await post(fran, x.participantUrls.victim, { section: 'withdraw-consent', withdrawnOn: today });
    const refused = await x.victim.visitor.post('/letters/agreement', {});
    expect(refused.status).toBe(409);
    expect(textOf(refused.html)).toContain('your facilitator needs to talk to you first');
    expect(all('select count(*) as n from agreement_consents where participant_id = ?', victim)).toEqual([{ n: 1 }]);
    expect(await text(morgan.visitor, `${x.caseUrl}/audit`)).toContain(
      'Refused while the essentials are missing: recording agreement to the outcome agreement',
    );
    // Another facilitator cannot see or record it; a participant of another case cannot see it.
    expect((await otto.visitor.get(agreementUrl)).status).toBe(404);
    expect((await post(otto, agreementUrl, { participantId: String(victim), agreedOn: today, how: 'phone' })).status).toBe(404);
  });
});

describe('feedback from everyone who took part', () => {
  it('a self-referrer with an email is asked online: a content-free link by email, and a button on “check your referral”', async () => {
    const c = await readySelfReferral(server, { fran, morgan });
    const { caseUrl, caseId, visitor: v } = c;
    const referralId = all<{ id: number }>('select id from referrals where reference = ?', c.reference)[0]!.id;
    expect(all('select referral_id from participants where id = ?', c.victim)).toEqual([{ referral_id: referralId }]);
    await post(fran, `${caseUrl}/outcome`, { intent: 'start-process', processKind: 'phone_video', startedOn: today });
    const processId = all<{ id: number }>('select id from processes where case_id = ?', caseId)[0]!.id;
    await post(fran, `${caseUrl}/processes/${processId}`, { status: 'completed', endedOn: today, outcome: 'They talked' });
    expect(all('select role, channel from feedback_invitations where case_id = ? order by role desc', caseId)).toEqual([
      { role: 'victim', channel: 'online' },
      { role: 'offender', channel: 'paper' },
    ]);
    // A content-free email with a one-time link, to the address they gave.
    const mail = await mailTo('victim.person@example.org', '/feedback?t=');
    expect(mail).not.toMatch(/Philippa|Quentin|burglary|RJ-/);
    // And a button on their own page: the survey starts from the sign-in they already have.
    await signIn(v, c.reference, c.passphrase);
    expect(await text(v, '/check-your-referral/status')).toContain('Tell us what you thought');
    const start = await v.post('/feedback', {});
    expect(start.url).toBe('/feedback/satisfaction');
    // Another visitor without a sign-in gets nothing.
    expect((await new Visitor(server.url).post('/feedback', {})).url).toBe('/feedback');
  });
});

describe('you said, we did', () => {
  it('managers record what changed; only published entries show publicly; anything identifying is refused', async () => {
    const url = '/staff/you-said-we-did';
    expect((await fran.visitor.get(url)).status).toBe(404);
    const identifying = await post(morgan, url, {
      intent: 'add',
      youSaid: 'Call me on 07700 900123 about the letters',
      weDid: 'We changed it',
      source: 'feedback',
      changedOn: today,
      published: 'yes',
    });
    expect(identifying.status).toBe(400);
    expect(textOf(identifying.html)).toContain('this page is public and must not identify anyone');
    for (const youSaid of ['RJ-AB12-CD34 waited', 'RJL-DEMV-7K4M waited', 'rj 7k4m q2xp waited', 'RJ-7K4MQ2XP waited', 'C-AB12-CD34 complained'])
      expect((await post(morgan, url, { intent: 'add', youSaid, weDid: 'Faster', source: 'both', changedOn: today, published: 'yes' })).status, youSaid).toBe(
        400,
      );
    expect((await post(morgan, url, { intent: 'publish', id: '1e400' })).status).toBe(400);
    expect(all('select id from service_changes')).toEqual([]);
    await post(morgan, url, {
      intent: 'add',
      youSaid: 'Letters took too long to reach the other person',
      weDid: 'Facilitators now read waiting letters within two working days',
      source: 'feedback',
      changedOn: today,
      published: 'yes',
    });
    await post(morgan, url, { intent: 'add', youSaid: 'DRAFT-NOT-PUBLIC', weDid: 'Still thinking', source: 'complaints', changedOn: today, published: 'no' });
    const page = await text(new Visitor(server.url), '/you-said-we-did');
    expect(page).toContain('You said: Letters took too long to reach the other person');
    expect(page).toContain('We did: Facilitators now read waiting letters within two working days');
    expect(page).not.toContain('DRAFT-NOT-PUBLIC');
    const id = all<{ id: number }>("select id from service_changes where you_said like 'Letters%'")[0]!.id;
    await post(morgan, url, { intent: 'withdraw', id: String(id) });
    expect(await text(new Visitor(server.url), '/you-said-we-did')).not.toContain('Letters took too long');
  });
});

describe('updates to the referrer', () => {
  const partnerReferral = (over: Record<string, string>) => sendPartnerReferral(server, over);
  const mailsTo = (address: string) => smtp.received.filter((r) => r.to.includes(address)).map((r) => r.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '='));

  it('with the person’s agreement: a content-free email when contact is made (once), and when it is not taken forward, with the category, never the words', async () => {
    const address = 'pc.updates@police.example.org';
    const { id, reference } = await partnerReferral({ referrerEmail: address, shareWithReferrer: 'yes' });
    const caseUrl = (
      await post(morgan, `/staff/referrals/${id}`, {
        intent: 'accept',
        facilitatorId: String(all<{ id: number }>("select id from staff_users where email = 'fran@example.org'")[0]!.id),
      })
    ).url;
    const victimUrl = (await post(fran, caseUrl, { intent: 'confirm-victim', victimName: 'Vera Updates' })).url;
    await post(fran, victimUrl, { section: 'contact', contactedOn: today, method: 'phone', outcome: 'Talked about RJ; Vera wants to think' });
    const contact = await mailTo(address, 'We have made contact about it.');
    expect(contact).toContain(`Update on referral ${reference}`);
    expect(contact).not.toMatch(/Vera|Owen|burglary|think/);
    // A second contact sends nothing more.
    await post(fran, victimUrl, { section: 'contact', contactedOn: today, method: 'phone', outcome: 'Again' });
    expect(all('select event from referrer_notices where referral_id = ?', id)).toEqual([{ event: 'contact_made' }]);
    // Closed without a process: not taken forward, with the category, never the words.
    await post(fran, caseUrl, { intent: 'move', from: 'referred', to: 'closed', closureReason: 'risk_too_high' });
    const closed = await mailTo(address, 'It will not be taken forward');
    expect(closed).toContain('The reason: not suitable for restorative justice.');
    expect(closed).not.toMatch(/risk/i);
    expect(textOf((await fran.visitor.get(caseUrl)).html)).toContain('Not taken forward (Not suitable for restorative justice)');
  });

  it('a completed process and the closure after it each send their own update', async () => {
    const c = await readyCase(server, { fran, morgan }, 'direct');
    const caseId = Number(c.caseUrl.split('/').pop());
    await post(fran, c.outcomeUrl, { intent: 'start-process', processKind: 'phone_video', startedOn: today });
    const processId = all<{ id: number }>('select id from processes where case_id = ?', caseId)[0]!.id;
    await post(fran, `${c.caseUrl}/processes/${processId}`, { status: 'completed', endedOn: today, outcome: 'They talked' });
    await mailTo('priya@probation.example.org', 'A restorative process has been completed.');
    await post(fran, c.caseUrl, { intent: 'move', from: 'ready', to: 'closed', closureReason: 'completed_outstanding' });
    const referralId = all<{ referral_id: number }>('select referral_id from cases where id = ?', caseId)[0]!.referral_id;
    expect(all('select event from referrer_notices where referral_id = ? order by id', referralId)).toEqual([
      { event: 'process_completed' },
      { event: 'closed' },
    ]);
    const reference = all<{ reference: string }>('select reference from referrals where id = ?', referralId)[0]!.reference;
    await expect
      .poll(() => mailsTo('priya@probation.example.org').some((m) => m.includes(reference) && m.includes('The case is now closed.')), { timeout: 10_000 })
      .toBe(true);
  });

  it('when the person says no, nothing more is sent; the change is recorded and audited', async () => {
    const c = await readyCase(server, { fran, morgan }, 'direct');
    const caseId = Number(c.caseUrl.split('/').pop());
    const referralId = all<{ referral_id: number }>('select referral_id from cases where id = ?', caseId)[0]!.referral_id;
    expect((await post(fran, c.caseUrl, { intent: 'share', share: 'maybe', shareOn: today })).status).toBe(400);
    await post(fran, c.caseUrl, { intent: 'share', share: 'no', shareOn: today });
    expect(await text(fran.visitor, c.caseUrl)).toContain('The person does not want the referrer told how it goes');
    await post(fran, c.outcomeUrl, { intent: 'start-process', processKind: 'phone_video', startedOn: today });
    const processId = all<{ id: number }>('select id from processes where case_id = ?', caseId)[0]!.id;
    await post(fran, `${c.caseUrl}/processes/${processId}`, { status: 'completed', endedOn: today, outcome: 'They talked' });
    await post(fran, c.caseUrl, { intent: 'move', from: 'ready', to: 'closed', closureReason: 'completed_outstanding' });
    expect(all('select event from referrer_notices where referral_id = ?', referralId)).toEqual([]);
    expect(all("select count(*) as n from outbox where template = 'referrer-update' and referral_id = ?", referralId)).toEqual([{ n: 0 }]);
    expect(await text(morgan.visitor, `${c.caseUrl}/audit`)).toContain('Whether the referrer may hear how it goes recorded');
  });

  it('nothing is sent when the person did not agree or the referrer opted out; a decline says its category', async () => {
    const noShare = await partnerReferral({ referrerEmail: 'no.share@probation.example.org', shareWithReferrer: 'no' });
    const optedOut = await partnerReferral({ referrerEmail: 'opted.out@probation.example.org', shareWithReferrer: 'yes', noUpdates: 'yes' });
    const told = await partnerReferral({ referrerEmail: 'told@probation.example.org', shareWithReferrer: 'yes' });
    for (const r of [noShare, optedOut, told])
      expect((await post(fran, `/staff/referrals/${r.id}`, { intent: 'decline', category: 'outside_service', reason: 'SECRET-REASON the area' })).status).toBe(
        200,
      );
    const declined = await mailTo('told@probation.example.org', 'It will not be taken forward');
    expect(declined).toContain('The reason: outside what this service covers.');
    expect(declined).not.toContain('SECRET-REASON');
    // Give the outbox time to send anything it wrongly queued, then check: only the receipts.
    await mailTo('no.share@probation.example.org', 'Referral received');
    await mailTo('opted.out@probation.example.org', 'Referral received');
    expect(
      all(
        "select count(*) as n from outbox where template = 'referrer-update' and to_address in ('no.share@probation.example.org', 'opted.out@probation.example.org')",
      ),
    ).toEqual([{ n: 0 }]);
    expect(mailsTo('no.share@probation.example.org').some((m) => m.includes('Update on referral'))).toBe(false);
    // A missing category is refused.
    const another = await partnerReferral({ referrerEmail: 'x@probation.example.org' });
    expect((await post(fran, `/staff/referrals/${another.id}`, { intent: 'decline', reason: 'No category' })).status).toBe(400);
  });
});

describe('equality monitoring, asked separately and kept apart', () => {
  it('a self-referrer answers the optional questions once from “check your referral”; the answers cannot be tied to them', async () => {
    const v = new Visitor(server.url);
    const issued = await referInFull(v);
    await signIn(v, issued.reference, issued.passphrase);
    // Not asked until a person has accepted the referral: a script cannot refer, answer and delete, again and again.
    expect(await text(v, '/check-your-referral/status')).not.toContain('Answer the questions about you');
    expect((await v.post('/equality', {})).url).toBe('/equality');
    const accepted = all<{ id: number }>('select id from referrals where reference = ?', issued.reference)[0]!.id;
    await post(morgan, `/staff/referrals/${accepted}`, {
      intent: 'accept',
      facilitatorId: String(all<{ id: number }>("select id from staff_users where email = 'fran@example.org'")[0]!.id),
    });
    expect(await text(v, '/check-your-referral/status')).toContain('Answer the questions about you');
    const start = await v.post('/equality', {});
    expect(start.url).toBe('/equality/age');
    expect(textOf(start.html)).toContain('Question 1 of 7');
    // A bad answer: a clear error, nothing kept.
    const bad = await v.post('/equality/age', { ageBand: 'ancient' });
    expect(bad.status).toBe(400);
    expect(textOf(bad.html)).toContain('Select one of the answers, or continue without one');
    const answers: [string, Record<string, string>][] = [
      ['age', { ageBand: '35_44' }],
      ['sex', {}],
      ['gender-identity', { genderSame: 'prefer_not' }],
      ['ethnic-group', { ethnicGroup: 'mixed' }],
      ['religion', { religion: 'sikh' }],
      ['disability', {}],
      ['sexual-orientation', { sexualOrientation: 'bisexual' }],
    ];
    let last = '';
    for (const [slug, body] of answers) last = (await v.post(`/equality/${slug}`, body)).url;
    expect(last).toBe('/equality/thanks');
    const rows = all<Record<string, unknown>>("select * from equality_answers where religion = 'sikh' and ethnic_group = 'mixed'");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      age_band: '35_44',
      sex: null,
      gender_same: 'prefer_not',
      disability: null,
      sexual_orientation: 'bisexual',
      asked: 'referral',
    });
    // No column joins an answer to a referral, a case, a person or a time finer than the month, and no rowid keeps their order.
    expect(all<{ sql: string }>("select sql from sqlite_master where name = 'equality_answers'")[0]!.sql).toContain('WITHOUT ROWID');
    expect(
      all<{ name: string }>('select name from pragma_table_info(?)', 'equality_answers')
        .map((c) => c.name)
        .sort(),
    ).toEqual(['age_band', 'asked', 'disability', 'ethnic_group', 'gender_same', 'id', 'month', 'religion', 'sex', 'sexual_orientation'].sort());
    // Once only: the button goes, and a second start says so.
    expect(await text(v, '/check-your-referral/status')).not.toContain('Answer the questions about you');
    expect((await v.post('/equality', {})).url).toBe('/equality');
    // The questions are nowhere in the staff record of the referral.
    const referralId = all<{ id: number }>('select id from referrals where reference = ?', issued.reference)[0]!.id;
    expect(textOf((await morgan.visitor.get(`/staff/referrals/${referralId}`)).html)).not.toMatch(/Sikh|Mixed or multiple/);
  });

  it('people taking part are asked on their letters page when invited to give feedback', async () => {
    const x = await buildExchange(server, fran, { victim: 'Eda Equal', offender: 'Otis Equal' });
    expect(await text(x.victim.visitor, '/letters/home')).not.toContain('Answer the questions about you');
    await post(fran, `${x.caseUrl}/outcome`, { intent: 'start-process', processKind: 'letters', startedOn: today });
    const processId = all<{ id: number }>('select id from processes where case_id = ?', x.caseId)[0]!.id;
    await post(fran, `${x.caseUrl}/processes/${processId}`, { status: 'completed', endedOn: today, outcome: 'Letters exchanged' });
    expect(await text(x.victim.visitor, '/letters/home')).toContain('Answer the questions about you');
    expect((await x.victim.visitor.post('/equality', {})).url).toBe('/equality/age');
  });
});

describe('needs and skills as data', () => {
  it('each recorded need is asked about before a meeting is held, and before a letter is passed on', async () => {
    const x = await buildExchange(server, fran, { victim: 'Nadia Needs', offender: 'Ned Needs' });
    for (const url of Object.values(x.participantUrls))
      await post(fran, url, { section: 'risk', riskAssessedOn: today, revictimisationRisk: 'low', riskDecision: 'direct', riskReason: 'Both may meet' });
    const noLanguage = await post(fran, x.participantUrls.victim, { section: 'need', kind: 'interpreter', detail: '' });
    expect(noLanguage.status).toBe(400);
    expect(textOf(noLanguage.html)).toContain('Enter the language they need an interpreter for');
    expect((await post(fran, x.participantUrls.victim, { section: 'need', kind: 'telepathy', detail: 'x' })).status).toBe(400);
    await post(fran, x.participantUrls.victim, { section: 'need', kind: 'interpreter', detail: 'Urdu' });
    await post(fran, x.participantUrls.victim, { section: 'need', kind: 'literacy', detail: 'Read letters aloud to her' });
    expect(await text(fran.visitor, x.participantUrls.victim)).toContain('Help with reading or writing: Read letters aloud to her');
    expect(all('select kind, detail from participant_needs order by kind')).toEqual(
      expect.arrayContaining([
        { kind: 'interpreter', detail: 'Urdu' },
        { kind: 'literacy', detail: 'Read letters aloud to her' },
      ]),
    );

    // A letter to her: the review asks how she will read it.
    const letterId = await sendLetter(x.offender, 'A letter for Nadia');
    const review = await text(fran.visitor, `/staff/letters/${letterId}`);
    expect(review).toContain('The recipient needs: An interpreter (Urdu); Help with reading or writing: Read letters aloud to her.');
    const versionId = /name="versionId" value="(\d+)"/.exec((await fran.visitor.get(`/staff/letters/${letterId}`)).html)![1]!;
    const unasked = await post(fran, `/staff/letters/${letterId}`, { decision: 'approve', versionId });
    expect(unasked.status).toBe(400);
    expect(textOf(unasked.html)).toContain('Confirm how the recipient will read it');
    expect(all('select status from letters where id = ?', letterId)).toEqual([{ status: 'waiting' }]);
    expect((await post(fran, `/staff/letters/${letterId}`, { decision: 'approve', versionId, needsArranged: 'yes' })).status).toBe(200);
    expect(all('select status from letters where id = ?', letterId)).toEqual([{ status: 'passed_on' }]);

    // A meeting with her: the preparation asks for the interpreter and the reading help.
    const outcomeUrl = `${x.caseUrl}/outcome`;
    await post(fran, outcomeUrl, { intent: 'start-process', processKind: 'face_to_face', startedOn: today });
    const processId = all<{ id: number }>("select id from processes where case_id = ? and kind = 'face_to_face'", x.caseId)[0]!.id;
    const ids = all<{ id: number }>('select id from participants where case_id = ? order by id', x.caseId).map((p) => String(p.id));
    await post(fran, outcomeUrl, {
      intent: 'plan-meeting',
      processId: String(processId),
      startsOn: today,
      startsTime: '10:00',
      mode: 'video',
      attendees: ids,
    });
    const meetingId = all<{ id: number }>('select id from meetings where process_id = ?', processId)[0]!.id;
    const meetingUrl = `${x.caseUrl}/meetings/${meetingId}`;
    const fixed = ['prepared', 'venue_safe', 'separate_rooms', 'needs_met'];
    await post(fran, meetingUrl, { intent: 'prepare', checklist: fixed });
    const page = await text(fran.visitor, meetingUrl);
    expect(page).toContain('Not yet arranged: Nadia Needs: an interpreter (urdu)');
    expect(page).toContain('Not yet arranged: Nadia Needs: help with reading or writing: read letters aloud to her');
    expect((await post(fran, meetingUrl, { intent: 'record', result: 'held', record: 'Held' })).status).toBe(409);
    const victimId = ids[0]!;
    await post(fran, meetingUrl, {
      intent: 'prepare',
      checklist: [...fixed, `need:${victimId}:interpreter`, `need:${victimId}:literacy`, 'need:999999:capacity'],
    });
    // Only the attendees' own needs are kept.
    expect(JSON.parse(all<{ checklist: string }>('select checklist from meetings where id = ?', meetingId)[0]!.checklist)).not.toContain(
      'need:999999:capacity',
    );
    expect(await text(fran.visitor, meetingUrl)).toContain('Everything is prepared.');
    expect((await post(fran, meetingUrl, { intent: 'record', result: 'held', record: 'Held with an interpreter' })).url).toBe(outcomeUrl);
  });

  it('a domestic abuse, sexual offence or hate crime case goes to someone trained for it, or a manager records why not', async () => {
    const { id } = await sendPartnerReferral(server, { offenceKind: 'domestic' });
    const franId = String(all<{ id: number }>("select id from staff_users where email = 'fran@example.org'")[0]!.id);
    const ottoId = all<{ id: number }>("select id from staff_users where email = 'otto@example.org'")[0]!.id;
    // A facilitator cannot take it on without the training; a manager must say why.
    const self = await post(fran, `/staff/referrals/${id}`, { intent: 'accept', facilitatorId: franId });
    expect(self.status).toBe(409);
    expect(textOf(self.html)).toContain('no recorded training for complex and sensitive cases');
    expect((await post(morgan, `/staff/referrals/${id}`, { intent: 'accept', facilitatorId: franId })).status).toBe(409);
    expect(all('select id from cases where referral_id = ?', id)).toEqual([]);
    const caseUrl = (
      await post(morgan, `/staff/referrals/${id}`, {
        intent: 'accept',
        facilitatorId: franId,
        trainingReason: 'The only facilitator free; supervised by the DA lead',
      })
    ).url;
    const caseId = Number(caseUrl.split('/').pop());
    expect(all('select reason from assignment_overrides where case_id = ?', caseId)).toEqual([
      { reason: 'The only facilitator free; supervised by the DA lead' },
    ]);
    expect(await text(fran.visitor, caseUrl)).toContain('A manager recorded why: The only facilitator free; supervised by the DA lead');
    expect(await text(morgan.visitor, `${caseUrl}/audit`)).toContain('Sensitive case given to a practitioner without the training');
    // Otto records the training; passing it to him needs no reason.
    expect((await post(morgan, `/staff/accounts/${ottoId}`, { kind: 'complex_training', onDate: today, what: 'Domestic abuse and RJ, two days' })).status).toBe(
      200,
    );
    expect((await post(morgan, caseUrl, { intent: 'reassign', facilitatorId: String(ottoId), note: 'Over to you' })).url).toBe(caseUrl);
    expect(await text(otto.visitor, caseUrl)).not.toContain('no recorded training');
  });

  it('a youth referral is accepted only after the decision with the youth offending team, and not when the team delivers it', async () => {
    const { id } = await sendPartnerReferral(server, { offenderAgeGroup: 'youth' });
    const franId = String(all<{ id: number }>("select id from staff_users where email = 'fran@example.org'")[0]!.id);
    const early = await post(fran, `/staff/referrals/${id}`, { intent: 'accept', facilitatorId: franId });
    expect(early.status).toBe(409);
    expect(textOf(early.html)).toContain('Record the decision made with the youth offending team first');
    expect((await post(fran, `/staff/referrals/${id}`, { intent: 'yot', decision: 'service', decidedOn: today, note: '' })).status).toBe(400);
    await post(fran, `/staff/referrals/${id}`, { intent: 'yot', decision: 'yot', decidedOn: today, note: 'Spoke to Sam at the Dudley YOT: theirs' });
    expect(textOf((await post(fran, `/staff/referrals/${id}`, { intent: 'accept', facilitatorId: franId })).html)).toContain(
      'The youth offending team delivers this one',
    );
    await post(fran, `/staff/referrals/${id}`, { intent: 'yot', decision: 'joint', decidedOn: today, note: 'Sam asked us to lead, with the YOT worker' });
    expect(await text(fran.visitor, `/staff/referrals/${id}`)).toContain('This service and the youth offending team deliver it together');
    const caseUrl = (await post(fran, `/staff/referrals/${id}`, { intent: 'accept', facilitatorId: franId })).url;
    expect(caseUrl).toMatch(/^\/staff\/cases\/\d+$/);
    expect(all('select yot_decision from referrals where id = ?', id)).toEqual([{ yot_decision: 'joint' }]);
    // Once accepted, the decision is not changed from the referral page.
    expect((await post(fran, `/staff/referrals/${id}`, { intent: 'yot', decision: 'yot', decidedOn: today, note: 'Changed' })).status).toBe(409);
  });
});

describe('what the attacker’s review found (issue 23)', () => {
  it('a self-referrer withdrawing on their own page withdraws their consent in the case: the essentials lapse, the process is interrupted, the facilitator is told', async () => {
    const c = await readySelfReferral(server, { fran, morgan });
    await post(fran, `${c.caseUrl}/outcome`, { intent: 'start-process', processKind: 'phone_video', startedOn: today });
    await post(fran, c.caseUrl, { intent: 'move', from: 'ready', to: 'in_progress' });
    await addItem(c.caseUrl, c.offender, 'An apology, after the call');
    await signIn(c.visitor, c.reference, c.passphrase);
    expect((await c.visitor.post('/check-your-referral/withdraw', {})).status).toBe(200);
    expect(all('select consent_withdrawn_on is not null as withdrawn from assessments where participant_id = ?', c.victim)).toEqual([{ withdrawn: 1 }]);
    expect(all('select interrupted_at is not null as interrupted from processes where case_id = ?', c.caseId)).toEqual([{ interrupted: 1 }]);
    expect(all('select unread_since is not null as unread from cases where id = ?', c.caseId)).toEqual([{ unread: 1 }]);
    const page = await text(fran.visitor, c.caseUrl);
    expect(page).toContain('The essentials have lapsed');
    expect(page).toContain('consent has been withdrawn');
    // They cannot agree to the outcome now, and no one is invited to give feedback as if they took part.
    expect((await c.visitor.post('/check-your-referral/agreement', {})).status).toBe(409);
    const processId = all<{ id: number }>('select id from processes where case_id = ?', c.caseId)[0]!.id;
    expect((await post(fran, `${c.caseUrl}/processes/${processId}`, { status: 'completed', endedOn: today, outcome: 'Talked' })).status).toBe(409);
  });

  it('a meeting is not held if someone attending may no longer meet, supporters too', async () => {
    const c = await readyCase(server, { fran, morgan }, 'direct');
    const supporterUrl = (await post(fran, c.caseUrl, { intent: 'add-participant', role: 'supporter', name: 'Sue Supporter', directlyAffected: 'yes' })).url;
    await post(fran, supporterUrl, { section: 'info', infoGivenOn: today, infoGivenHow: 'in_person' });
    await post(fran, supporterUrl, { section: 'consent', consentOn: today, consentHow: 'in_person' });
    await post(fran, supporterUrl, { section: 'willing', willing: 'yes', motive: 'To support', expectations: 'Calm' });
    await post(fran, supporterUrl, { section: 'risk', riskAssessedOn: today, revictimisationRisk: 'low', riskDecision: 'direct', riskReason: 'Fine' });
    await post(fran, c.outcomeUrl, { intent: 'start-process', processKind: 'face_to_face', startedOn: today });
    const processId = all<{ id: number }>("select id from processes where case_id = ? and kind = 'face_to_face'", Number(c.caseUrl.split('/').pop()))[0]!.id;
    const supporter = Number(supporterUrl.split('/').pop());
    await post(fran, c.outcomeUrl, {
      intent: 'plan-meeting',
      processId: String(processId),
      startsOn: today,
      startsTime: '09:00',
      mode: 'video',
      attendees: [c.victim, c.offender, supporter].map(String),
    });
    const meetingId = all<{ id: number }>('select id from meetings where process_id = ?', processId)[0]!.id;
    const meetingUrl = `${c.caseUrl}/meetings/${meetingId}`;
    await post(fran, meetingUrl, { intent: 'prepare', checklist: ['prepared', 'venue_safe', 'separate_rooms', 'needs_met'] });
    await post(fran, supporterUrl, {
      section: 'risk',
      riskAssessedOn: today,
      revictimisationRisk: 'medium',
      riskDecision: 'indirect_only',
      riskReason: 'Letters only now',
    });
    const held = await post(fran, meetingUrl, { intent: 'record', result: 'held', record: 'Held' });
    expect(held.status).toBe(409);
    expect(textOf(held.html)).toContain('Sue Supporter (supporter): the risk assessment allows letters or messages only, not a meeting');
    expect(all('select status from meetings where id = ?', meetingId)).toEqual([{ status: 'planned' }]);
  });

  it('nothing is dated back into a lapse: consent again before its withdrawal, a process started before the essentials came back, a meeting before its process', async () => {
    const c = await readyCase(server, { fran, morgan }, 'direct');
    const caseId = Number(c.caseUrl.split('/').pop());
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await post(fran, c.urls.victim, { section: 'withdraw-consent', withdrawnOn: today });
    const backdated = await post(fran, c.urls.victim, { section: 'consent', consentOn: yesterday, consentHow: 'phone' });
    expect(backdated.status).toBe(400);
    expect(textOf(backdated.html)).toContain('Consent given again must be dated on or after the day it was withdrawn');
    expect(all('select consent_withdrawn_on is not null as withdrawn from assessments where participant_id = ?', c.victim)).toEqual([{ withdrawn: 1 }]);
    await post(fran, c.urls.victim, { section: 'consent', consentOn: today, consentHow: 'phone' });
    const early = await post(fran, c.outcomeUrl, { intent: 'start-process', processKind: 'phone_video', startedOn: yesterday });
    expect(early.status).toBe(409);
    expect(textOf(early.html)).toContain('the process cannot start before then');
    expect(all('select id from processes where case_id = ?', caseId)).toEqual([]);
    await post(fran, c.outcomeUrl, { intent: 'start-process', processKind: 'phone_video', startedOn: today });
    const processId = all<{ id: number }>('select id from processes where case_id = ?', caseId)[0]!.id;
    const meeting = await post(fran, c.outcomeUrl, {
      intent: 'plan-meeting',
      processId: String(processId),
      startsOn: yesterday,
      startsTime: '09:00',
      mode: 'phone',
      attendees: [String(c.victim), String(c.offender)],
    });
    expect(meeting.status).toBe(409);
    expect(textOf(meeting.html)).toContain('The meeting cannot be before its process started');
    expect((await post(fran, `${c.caseUrl}/processes/${processId}`, { status: 'ended_early', endedOn: yesterday, outcome: 'x' })).status).toBe(409);
  });
});
