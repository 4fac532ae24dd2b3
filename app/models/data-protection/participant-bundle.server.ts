// Everything held about one participant: their details, the referral that started the case,
// the assessment and its versions, contact, processes, feedback invitations, notes, meetings,
// what they agreed, their needs and their letters. Items that may be about others are marked.
import { withoutHidden } from '~/utils/hidden-text';
import { type SubjectType } from '~/models/audit-vocabulary';
import { type Section, iso, messagesSection, referralSection, rows } from './subject-access.server';

/** Assessment notes that can be about others, or be the facilitator's view of risk (check exemptions before sending). */
const SENSITIVE_ASSESSMENT = new Set(['safeguarding_concerns', 'power_imbalance', 'risk_reason', 'motive', 'expectations', 'specialist_flags']);

export function participantBundle(participantId: number): { who: string; sections: Section[]; audit: { type: SubjectType; ids: number[] }[] } | null {
  const [p] = rows<{
    id: number;
    caseId: number;
    role: string;
    name: string;
    contactDetails: string | null;
    supporterOf: string | null;
    contactConsent: string | null;
    referralId: number;
    reference: string;
  }>(
    `select p.id, p.case_id as caseId, p.role, p.name, p.contact_details as contactDetails, p.supporter_of as supporterOf, p.contact_consent as contactConsent,
       c.referral_id as referralId, r.reference
     from participants p join cases c on c.id = p.case_id join referrals r on r.id = c.referral_id where p.id = ?`,
    participantId,
  );
  if (!p) return null;
  const sections: Section[] = [];
  sections.push({
    title: 'Their details',
    items: [
      { label: 'Name', value: p.name },
      { label: 'Role in the case', value: p.role },
      { label: 'Case', value: p.reference },
      ...(p.contactDetails ? [{ label: 'Contact details', value: p.contactDetails }] : []),
      ...(p.supporterOf ? [{ label: 'Supporting', value: p.supporterOf, othersData: true }] : []),
      ...(p.contactConsent ? [{ label: 'Agreed to be contacted', value: p.contactConsent }] : []),
    ],
  });
  const referral = referralSection(p.referralId, 'The referral that started the case', true);
  if (referral) sections.push(referral);
  const [a] = rows<Record<string, unknown>>('select * from assessments where participant_id = ?', p.id);
  if (a)
    sections.push({
      title: 'Assessment',
      items: Object.entries(a)
        .filter(([k, v]) => v !== null && !['participant_id', 'updated_at', 'consent_recorded_by', 'signed_off_by', 'signed_off_at'].includes(k))
        .map(([k, v]) => ({ label: k.replace(/_/g, ' '), value: String(v), othersData: SENSITIVE_ASSESSMENT.has(k) || undefined })),
    });
  sections.push({
    title: 'Earlier versions of the assessment',
    items: rows<{ section: string; values: string; at: number }>(
      'select section, "values", created_at as at from assessment_versions where participant_id = ? order by id',
      p.id,
    ).map((v) => ({ label: v.section, value: v.values, at: iso(v.at), othersData: true })),
  });
  sections.push({
    title: 'Their details before they were corrected',
    items: rows<{ change: string; oldValues: string; at: number }>(
      'select change, old_values as oldValues, created_at as at from participant_changes where participant_id = ? order by id',
      p.id,
    ).map((c) => ({ label: c.change, value: c.oldValues, at: iso(c.at) })),
  });
  sections.push({
    title: 'Contact with them',
    items: rows<{ on: string; method: string; outcome: string }>(
      'select contacted_on as "on", method, outcome from contact_logs where participant_id = ? order by contacted_on, id',
      p.id,
    ).map((c) => ({ label: `${c.on}, ${c.method}`, value: c.outcome, othersData: true })),
  });
  sections.push({
    title: 'Restorative processes in the case',
    items: rows<{ kind: string; status: string; startedOn: string; endedOn: string | null; outcome: string | null }>(
      'select kind, status, started_on as startedOn, ended_on as endedOn, outcome from processes where case_id = ? order by started_on, id',
      p.caseId,
    ).map((x) => ({
      label: `${x.kind.replace(/_/g, ' ')}, from ${x.startedOn}${x.endedOn ? ` to ${x.endedOn}` : ''}`,
      value: [x.status.replace(/_/g, ' '), x.outcome].filter(Boolean).join(': '),
      othersData: !!x.outcome,
    })),
  });
  sections.push({
    title: 'Feedback survey',
    note: 'Their answers are kept without their name, so they cannot be found or included.',
    items: rows<{ channel: string; status: string; at: number }>(
      'select channel, status, created_at as at from feedback_invitations where participant_id = ? order by id',
      p.id,
    ).map((f) => ({ label: `Invited (${f.channel})`, value: f.status === 'used' ? 'Answered' : 'Not answered', at: iso(f.at) })),
  });
  sections.push({
    title: 'Case notes',
    note: 'Notes are about the whole case and may be about other people. Include only what is about this person.',
    items: rows<{ body: string; at: number }>('select body, created_at as at from case_notes where case_id = ? order by id', p.caseId).map((n) => ({
      label: 'Note',
      value: n.body,
      at: iso(n.at),
      othersData: true,
    })),
  });
  sections.push({
    title: 'Meetings they attended',
    items: rows<{ startsAt: string; mode: string; venue: string | null; status: string; record: string | null }>(
      `select m.starts_at as startsAt, m.mode, m.venue, m.status, m.record from meetings m join meeting_attendees ma on ma.meeting_id = m.id
       where ma.participant_id = ? order by m.starts_at`,
      p.id,
    ).map((m) => ({
      label: `${m.startsAt}, ${m.mode}${m.venue ? `, ${m.venue}` : ''}`,
      value: [m.status, m.record].filter(Boolean).join(': '),
      othersData: !!m.record,
    })),
  });
  sections.push({
    title: 'What they agreed to do',
    items: rows<{ description: string; dueOn: string; status: string; note: string | null }>(
      'select description, due_on as dueOn, status, completion_note as note from agreement_items where participant_id = ? order by due_on',
      p.id,
    ).map((i) => ({ label: `Due ${i.dueOn}`, value: [i.description, i.status, i.note].filter(Boolean).join(' · ') })),
  });
  sections.push({
    title: 'What they need to take part',
    items: rows<{ kind: string; detail: string | null }>('select kind, detail from participant_needs where participant_id = ? order by kind', p.id).map(
      (n) => ({
        label: n.kind.replace(/_/g, ' '),
        value: n.detail ?? 'Recorded',
      }),
    ),
  });
  sections.push({
    title: 'Their agreement to the outcome agreement',
    items: rows<{ agreedOn: string; how: string; items: string }>(
      'select agreed_on as agreedOn, how, item_ids as items from agreement_consents where participant_id = ? order by id',
      p.id,
    ).map((a) => ({ label: `Agreed on ${a.agreedOn}`, value: `${a.how.replace(/_/g, ' ')}, to ${(JSON.parse(a.items) as number[]).length} agreed items` })),
  });
  const [member] = rows<{ id: number; reference: string; email: string | null; referralId: number | null }>(
    'select id, reference, email, referral_id as referralId from exchange_members where participant_id = ?',
    p.id,
  );
  const letterIds: number[] = [];
  if (member) {
    sections.push({
      title: 'Letter exchange sign-in',
      items: [{ label: 'Reference', value: member.reference }, ...(member.email ? [{ label: 'Email for notices', value: member.email }] : [])],
    });
    const written = rows<{ id: number; status: string; body: string; version: number; at: number; toAuthor: string | null }>(
      `select l.id, l.status, v.body, v.version, v.created_at as at, lr.message_to_author as toAuthor from letters l join letter_versions v on v.letter_id = l.id
       left join letter_reviews lr on lr.version_id = v.id where l.author_member_id = ? order by l.id, v.version`,
      member.id,
    );
    sections.push({
      title: 'Letters they wrote',
      note: 'Every version they sent for review, with what the facilitator told them about it.',
      items: written.flatMap((l) => [
        { label: `Letter ${l.id}, version ${l.version} (${l.status.replace(/_/g, ' ')})`, value: l.body, at: iso(l.at) },
        ...(l.toAuthor ? [{ label: `Letter ${l.id}, version ${l.version}: the facilitator’s message to them`, value: l.toAuthor }] : []),
      ]),
    });
    // Drafts and returned letters' working copies: held about them though never sent.
    const unsent = rows<{ id: number; body: string; at: number }>(
      `select id, draft_body as body, updated_at as at from letters where author_member_id = ? and status in ('draft', 'returned') and draft_body <> '' order by id`,
      member.id,
    );
    sections.push({
      title: 'Letters they have not sent',
      note: 'Drafts, and letters returned to them, as they last saved them.',
      items: unsent.map((l) => ({ label: `Letter ${l.id}, not sent`, value: l.body, at: iso(l.at) })),
    });
    const received = rows<{ id: number; text: string; at: number }>(
      "select id, relayed_text as text, passed_on_at as at from letters where recipient_member_id = ? and status = 'passed_on' order by passed_on_at",
      member.id,
    );
    sections.push({
      title: 'Letters they received, as passed on',
      note: 'Written by someone else: decide what of these to include.',
      items: received.map((l) => ({ label: `Letter ${l.id}`, value: withoutHidden(l.text ?? ''), at: iso(l.at), othersData: true })),
    });
    letterIds.push(...written.map((l) => l.id), ...unsent.map((l) => l.id), ...received.map((l) => l.id));
  }
  // Messages on the referral: theirs if they are the person who referred themselves (or
  // signs in to letters with that referral). Someone else's otherwise: marked.
  const [self] = rows<{ source: string }>('select source from referrals where id = ?', p.referralId);
  const messageReferral = member?.referralId ?? (self?.source === 'self' ? p.referralId : null);
  if (messageReferral) {
    const messages = messagesSection(messageReferral);
    if (!member?.referralId) {
      messages.note = 'From the self-referral that started the case: theirs only if they are the person who referred themselves.';
      messages.items = messages.items.map((i) => ({ ...i, othersData: true }));
    }
    sections.push(messages);
  }
  return {
    who: `${p.name} (${p.role}, case ${p.reference})`,
    sections,
    audit: [
      { type: 'participant', ids: [p.id] },
      { type: 'case', ids: [p.caseId] },
      { type: 'letter', ids: [...new Set(letterIds)] },
      ...(member ? [{ type: 'exchange_member' as const, ids: [member.id] }] : []),
    ],
  };
}
