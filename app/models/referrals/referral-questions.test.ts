import { describe, expect, it } from 'vitest';
import {
  assembleReferral,
  contactKindsSchema,
  contactSchema,
  knowsWhoSchema,
  offenceSchema,
  personRoleSchema,
  policeSchema,
  REFERRAL_STEPS,
  stageSchema,
  supportSchema,
  whatToSaySchema,
  whenSchema,
  areaSchema,
  type DraftAnswers,
} from './referral-questions';

const ok = (schema: { safeParse: (v: unknown) => { success: boolean } }, v: unknown) => expect(schema.safeParse(v).success, JSON.stringify(v)).toBe(true);
const bad = (schema: { safeParse: (v: unknown) => { success: boolean } }, v: unknown) => expect(schema.safeParse(v).success, JSON.stringify(v)).toBe(false);

describe('question schemas', () => {
  it('choices accept only their listed values', () => {
    ok(personRoleSchema, { personRole: 'self' });
    ok(personRoleSchema, { personRole: 'behalf' });
    for (const v of [undefined, '', 'SELF', 'admin', ['self'], 1, null]) bad(personRoleSchema, { personRole: v });
    ok(whenSchema, { whenHappened: 'not_say' });
    bad(whenSchema, { whenHappened: 'yesterday' });
    ok(stageSchema, { justiceStage: 'prison' });
    bad(stageSchema, { justiceStage: 'jail' });
  });

  it('"something else" keeps its words; other kinds drop them', () => {
    expect(offenceSchema.parse({ offenceKind: 'other', offenceOther: ' dog theft ' })).toEqual({ offenceKind: 'other', offenceOther: 'dog theft' });
    expect(offenceSchema.parse({ offenceKind: 'theft', offenceOther: 'ignored' }).offenceOther).toBeUndefined();
    bad(offenceSchema, { offenceKind: 'other', offenceOther: 'x'.repeat(201) });
    bad(offenceSchema, { offenceKind: 'other', offenceOther: 'null\u0000byte' });
  });

  it('the crime reference is kept only when it was reported', () => {
    expect(policeSchema.parse({ reportedToPolice: 'yes', crimeReference: 'AB/123' }).crimeReference).toBe('AB/123');
    expect(policeSchema.parse({ reportedToPolice: 'no', crimeReference: 'AB/123' }).crimeReference).toBeUndefined();
    bad(policeSchema, { reportedToPolice: 'yes', crimeReference: 'x'.repeat(41) });
  });

  it('their name is optional and kept only if they said they know who', () => {
    ok(knowsWhoSchema, { knowsWhoHarmed: 'yes' });
    expect(knowsWhoSchema.parse({ knowsWhoHarmed: 'no', harmerName: 'Sam' }).harmerName).toBeUndefined();
  });

  it('contact kinds: at least one, and "not sure" only on its own', () => {
    ok(contactKindsSchema, { contactKinds: 'letters' });
    ok(contactKindsSchema, { contactKinds: ['letters', 'meeting'] });
    ok(contactKindsSchema, { contactKinds: ['not_sure'] });
    bad(contactKindsSchema, {});
    bad(contactKindsSchema, { contactKinds: [] });
    bad(contactKindsSchema, { contactKinds: ['not_sure', 'letters'] });
    bad(contactKindsSchema, { contactKinds: ['carrier-pigeon'] });
  });

  it('free text is optional, limited and free of control characters', () => {
    ok(whatToSaySchema, {});
    ok(whatToSaySchema, { whatToSay: '' });
    ok(whatToSaySchema, { whatToSay: 'Line one\nLine two\ttabbed' });
    ok(whatToSaySchema, { whatToSay: '<script>kept as text</script>' });
    bad(whatToSaySchema, { whatToSay: 'x'.repeat(2001) });
    bad(whatToSaySchema, { whatToSay: 'escape\u001b[2J' });
    ok(areaSchema, { area: 'Handsworth' });
    bad(areaSchema, { area: ['a', 'b'] });
  });

  it('contact: no contact needs nothing; each method needs its details', () => {
    expect(contactSchema.parse({ contactMethod: 'none', email: 'a@b.co', contactName: 'Jo' })).toEqual({ contactMethod: 'none' });
    ok(contactSchema, { contactMethod: 'email', email: 'someone@example.org' });
    bad(contactSchema, { contactMethod: 'email' });
    bad(contactSchema, { contactMethod: 'email', email: 'not-an-email' });
    ok(contactSchema, { contactMethod: 'phone', phone: '07700 900982', phoneMessageOk: 'no' });
    ok(contactSchema, { contactMethod: 'phone', phone: '+44 1632 960001', phoneMessageOk: 'yes' });
    bad(contactSchema, { contactMethod: 'phone', phone: '07700 900982' });
    bad(contactSchema, { contactMethod: 'phone', phone: '12345', phoneMessageOk: 'no' });
    bad(contactSchema, { contactMethod: 'phone', phone: '07700 900982', phoneMessageOk: 'maybe' });
    ok(contactSchema, { contactMethod: 'post', postalAddress: '1 High Street' });
    bad(contactSchema, { contactMethod: 'post' });
    bad(contactSchema, { contactMethod: 'pigeon' });
    // Details for other methods are dropped, so nothing unneeded is kept.
    expect(contactSchema.parse({ contactMethod: 'email', email: 'X@Example.org', phone: '07700 900982' })).toEqual({
      contactMethod: 'email',
      email: 'x@example.org',
    });
  });

  it('support: "none" only on its own; details only for what was chosen', () => {
    ok(supportSchema, { supportNeeds: 'none' });
    bad(supportSchema, { supportNeeds: ['none', 'interpreter'] });
    bad(supportSchema, {});
    expect(supportSchema.parse({ supportNeeds: ['access'], interpreterLanguage: 'Polish', accessNeeds: 'Step-free' })).toEqual({
      supportNeeds: ['access'],
      interpreterLanguage: undefined,
      accessNeeds: 'Step-free',
      supporterDetails: undefined,
    });
  });
});

describe('assembling a referral', () => {
  const complete: DraftAnswers = {
    who: { personRole: 'self' },
    'what-happened': { offenceKind: 'theft' },
    when: { whenHappened: 'month' },
    police: { reportedToPolice: 'no' },
    'where-things-are': { justiceStage: 'not_reported' },
    'who-harmed-you': { knowsWhoHarmed: 'no' },
    'kind-of-contact': { contactKinds: ['letters'] },
    'contacting-you': { contactMethod: 'none' },
    support: { supportNeeds: ['none'] },
  };

  it('accepts every required answer, with the optional ones left out', () => {
    const r = assembleReferral(complete);
    expect(r.ok).toBe(true);
  });

  it('lists the missing or no-longer-valid steps in order', () => {
    const r = assembleReferral({ ...complete, who: undefined, when: { whenHappened: 'bogus' } });
    expect(r).toEqual({ ok: false, missing: ['who', 'when'] });
    expect(assembleReferral({})).toEqual({ ok: false, missing: REFERRAL_STEPS.filter((s) => s.required).map((s) => s.slug) });
  });
});
