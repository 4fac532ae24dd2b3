// A database the size of a busy service after a few years, for `npm run bench`: 100,000
// referrals, 10,000 cases (25,000 people), 5,000 letter exchanges with 200,000 letters,
// and 1.28 million audit rows. Deterministic (a seeded random generator), and written in
// one transaction with prepared statements, so it takes seconds, not minutes.
//   npx tsx bench/seed.ts <path/to/portal.db>
import { resolve } from 'node:path';

export const SIZE = { referrals: 100_000, cases: 10_000, awaitingTriage: 5_000, exchanges: 5_000, letters: 200_000, audit: 1_280_000, facilitators: 20 };

/** mulberry32: small, fast and the same on every machine. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seed(databasePath: string) {
  process.env.DATABASE_PATH = databasePath;
  const { migrateDatabase, openDatabase } = await import('#db/client.server');
  const db = openDatabase(databasePath);
  migrateDatabase(db, resolve('db/migrations'));
  const s = db.$client;
  const rnd = random(20261123);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const now = Date.now();
  const YEARS = 3 * 365 * 24 * 3600 * 1000;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

  s.transaction(() => {
    const staff = s.prepare('insert into staff_users (email, name, role) values (?, ?, ?)');
    for (let i = 1; i <= SIZE.facilitators; i++) staff.run(`facilitator${i}@bench.invalid`, `Facilitator ${i}`, 'facilitator');

    // Referrals, oldest first: the last ones still await triage; 1 in 10 became a case.
    const referral = s.prepare(
      `insert into referrals (reference, source, agency, status, offence_kind, justice_stage, support_needs, initiated_by, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, '[]', ?, ?, ?)`,
    );
    const caseEvery = Math.floor((SIZE.referrals - SIZE.awaitingTriage) / SIZE.cases);
    const accepted: { referralId: number; at: number }[] = [];
    for (let i = 0; i < SIZE.referrals; i++) {
      const at = now - YEARS + Math.floor((i / SIZE.referrals) * YEARS);
      const awaiting = i >= SIZE.referrals - SIZE.awaitingTriage;
      const becomesCase = !awaiting && i % caseEvery === 0 && accepted.length < SIZE.cases;
      const status = awaiting
        ? pick(['received', 'being_looked_at'] as const)
        : becomesCase
          ? pick(['facilitator_will_contact', 'in_progress', 'closed'] as const)
          : pick(['declined', 'withdrawn'] as const);
      const source = pick(['self', 'partner'] as const);
      const id = Number(
        referral.run(
          `RJ-B${String(i).padStart(3, '0').slice(-3)}-${String(i).padStart(6, '0').slice(-4)}${i}`,
          source,
          source === 'partner' ? pick(['police', 'nps', 'victim_care', 'yot', 'hmpps']) : null,
          status,
          pick(['theft', 'burglary', 'violence', 'damage', 'asb', 'harassment']),
          pick(['investigating', 'court', 'probation', 'prison', 'released', 'community_resolution', 'not_reported', 'not_sure']),
          pick(['victim', 'offender']),
          at,
          at,
        ).lastInsertRowid,
      );
      if (becomesCase) accepted.push({ referralId: id, at });
    }

    const kase = s.prepare('insert into cases (referral_id, facilitator_id, stage, created_at, updated_at) values (?, ?, ?, ?, ?)');
    const participant = s.prepare('insert into participants (case_id, role, name, created_at) values (?, ?, ?, ?)');
    const assessment = s.prepare(
      "insert into assessments (participant_id, consent_on, willing, risk_assessed_on, risk_decision) values (?, ?, 'yes', ?, 'direct')",
    );
    const transition = s.prepare('insert into case_transitions (case_id, from_stage, to_stage, by_staff_id, created_at) values (?, ?, ?, ?, ?)');
    const contact = s.prepare(
      "insert into contact_logs (participant_id, contacted_on, method, outcome, by_staff_id, created_at) values (?, ?, 'phone', 'spoke', ?, ?)",
    );
    const exchange = s.prepare("insert into exchanges (case_id, status, created_at, updated_at) values (?, 'open', ?, ?)");
    const member = s.prepare('insert into exchange_members (exchange_id, participant_id, reference, created_at) values (?, ?, ?, ?)');
    // Delivery and outcome, for the reports: a process once a case is under way, completed
    // with an agreement for those at outcome or closed, a meeting for direct ones, and an
    // anonymous survey answer for most completed ones.
    const process = s.prepare('insert into processes (case_id, kind, status, started_on, ended_on, by_staff_id, created_at) values (?, ?, ?, ?, ?, ?, ?)');
    const meeting = s.prepare(
      "insert into meetings (case_id, process_id, starts_at, mode, checklist, status, by_staff_id, created_at) values (?, ?, ?, 'in_person', '[]', 'held', ?, ?)",
    );
    const item = s.prepare(
      "insert into agreement_items (case_id, kind, description, participant_id, due_on, evidence, status, by_staff_id, created_at) values (?, 'apology', 'An apology', ?, ?, 'A letter', ?, ?, ?)",
    );
    const answer = s.prepare(
      'insert into feedback_answers (id, process_kind, role, month, on_paper, satisfaction, felt_safe, recommend, helped_cope) values (?, ?, ?, ?, 0, ?, ?, ?, ?)',
    );
    const exchanges: { id: number; members: [number, number]; facilitator: number; at: number }[] = [];
    const caseIds: number[] = [];
    for (const [n, r] of accepted.entries()) {
      const facilitator = (n % SIZE.facilitators) + 1;
      const at = r.at + 2 * 24 * 3600 * 1000;
      const stage = pick(['referred', 'contacting', 'assessing', 'ready', 'in_progress', 'outcome', 'closed'] as const);
      const caseId = Number(kase.run(r.referralId, facilitator, stage, at, at).lastInsertRowid);
      caseIds.push(caseId);
      const people: number[] = [];
      for (const role of ['victim', 'offender', ...(n % 2 ? ['supporter'] : [])]) {
        const p = Number(participant.run(caseId, role, `Person ${n} ${role}`, at).lastInsertRowid);
        people.push(p);
        assessment.run(p, day(at), day(at));
        for (let k = 0; k < 3; k++) contact.run(p, day(at + k * 86_400_000), facilitator, at + k * 86_400_000);
      }
      if (['in_progress', 'outcome', 'closed'].includes(stage)) {
        const kind = pick(['face_to_face', 'community_conference', 'facilitated_contact', 'phone_video', 'recorded_message', 'letters'] as const);
        const done = stage !== 'in_progress';
        const ended = at + 40 * 86_400_000;
        const processId = Number(
          process.run(caseId, kind, done ? 'completed' : 'running', day(at + 10 * 86_400_000), done ? day(ended) : null, facilitator, at).lastInsertRowid,
        );
        if (kind !== 'letters' && kind !== 'recorded_message') meeting.run(caseId, processId, `${day(at + 30 * 86_400_000)}T10:00`, facilitator, at);
        if (done) {
          item.run(caseId, people[1], day(ended + 30 * 86_400_000), pick(['done', 'done', 'open', 'partly']), facilitator, ended);
          if (rnd() < 0.7)
            answer.run(
              `bench-${caseId}`,
              kind,
              'victim',
              day(ended).slice(0, 7),
              1 + Math.floor(rnd() * 5),
              pick(['yes', 'no']),
              pick(['yes', 'no', 'not_sure']),
              pick(['yes', 'a_little', 'no']),
            );
        }
      }
      transition.run(caseId, 'referred', 'contacting', facilitator, at);
      transition.run(caseId, 'contacting', 'assessing', facilitator, at + 86_400_000);
      transition.run(caseId, 'assessing', stage, facilitator, at + 2 * 86_400_000);
      if (exchanges.length < SIZE.exchanges && n % 2 === 0) {
        const e = Number(exchange.run(caseId, at, at).lastInsertRowid);
        const m1 = Number(member.run(e, people[0], `RJ-M${n}-A`, at).lastInsertRowid);
        const m2 = Number(member.run(e, people[1], `RJ-M${n}-B`, at).lastInsertRowid);
        exchanges.push({ id: e, members: [m1, m2], facilitator, at });
      }
    }

    // Letters: most passed on after review; the newest few hundred wait for review.
    const letter = s.prepare(
      `insert into letters (exchange_id, author_member_id, recipient_member_id, status, draft_body, relayed_text, passed_on_at, submitted_at, created_at, updated_at)
       values (?, ?, ?, ?, '', ?, ?, ?, ?, ?)`,
    );
    const version = s.prepare('insert into letter_versions (letter_id, version, body, created_at) values (?, 1, ?, ?)');
    const review = s.prepare("insert into letter_reviews (letter_id, version_id, decision, by_staff_id, created_at) values (?, ?, 'approved', ?, ?)");
    const body = 'Thank you for your letter. I have thought about what you wrote and I want to answer your questions as well as I can. '.repeat(8);
    const perExchange = SIZE.letters / SIZE.exchanges;
    const letterIds: number[] = [];
    for (const [n, e] of exchanges.entries()) {
      for (let k = 0; k < perExchange; k++) {
        const at = e.at + k * 3 * 86_400_000;
        const waiting = n >= exchanges.length - 20 && k >= perExchange - 10;
        const from = k % 2;
        const id = Number(
          letter.run(e.id, e.members[from], e.members[1 - from], waiting ? 'waiting' : 'passed_on', waiting ? null : body, waiting ? null : at, at, at, at)
            .lastInsertRowid,
        );
        const v = Number(version.run(id, body, at).lastInsertRowid);
        if (!waiting) review.run(id, v, e.facilitator, at);
        letterIds.push(id);
      }
    }

    // The audit trail: views and changes of cases, letters and referrals.
    const audit = s.prepare("insert into audit_events (actor_type, actor_id, action, subject_type, subject_id, created_at) values ('staff', ?, ?, ?, ?, ?)");
    for (let i = 0; i < SIZE.audit; i++) {
      const at = now - YEARS + Math.floor((i / SIZE.audit) * YEARS);
      const kind = i % 10;
      if (kind < 6) audit.run(String(1 + (i % SIZE.facilitators)), pick(['case.viewed', 'case.note_added', 'case.moved']), 'case', String(pick(caseIds)), at);
      else if (kind < 9) audit.run(String(1 + (i % SIZE.facilitators)), pick(['letter.approved', 'letter.viewed']), 'letter', String(pick(letterIds)), at);
      else audit.run(String(1 + (i % SIZE.facilitators)), 'referral.viewed', 'referral', String(1 + Math.floor(rnd() * SIZE.referrals)), at);
    }
  })();
  s.close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = process.argv[2];
  if (!path) throw new Error('Usage: npx tsx bench/seed.ts <path/to/portal.db>');
  const t = performance.now();
  await seed(path);
  console.log(`Seeded ${path} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
