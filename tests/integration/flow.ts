import { expect } from 'vitest';
import { referralAnswers, type StepAnswers } from './referral-answers';
import { textOf, type Visitor } from '../setup/server';

export const STEP_ORDER = [
  'who',
  'what-happened',
  'when',
  'where',
  'your-area',
  'police',
  'where-things-are',
  'who-harmed-you',
  'kind-of-contact',
  'what-you-would-say',
  'contacting-you',
  'support',
  'how-you-heard',
];

/** Answers every question, as a person without JavaScript would. */
export async function answerAll(v: Visitor, answers: StepAnswers = referralAnswers()) {
  for (const [i, slug] of STEP_ORDER.entries()) {
    const page = await v.post(`/refer/${slug}`, answers[slug] ?? {});
    expect(page.status, `step ${slug}: ${textOf(page.html).slice(0, 400)}`).toBe(200);
    expect(page.url).toBe(i + 1 < STEP_ORDER.length ? `/refer/${STEP_ORDER[i + 1]}` : '/refer/check-answers');
  }
}

export type Issued = { reference: string; passphrase: string; confirmationHtml: string };

/** Sends the referral and reads the reference and passphrase off the confirmation page. */
export async function submitReferral(v: Visitor): Promise<Issued> {
  const page = await v.post('/refer/check-answers', { declaration: 'agreed' });
  expect(page.url).toBe('/refer/confirmation');
  const reference = /Your reference is<br\/><strong>(RJ-[A-Z0-9-]+)<\/strong>/.exec(page.html)?.[1];
  const passphrase = /<p class="govuk-body app-passphrase" id="passphrase">([a-z ]+)<\/p>/.exec(page.html)?.[1];
  expect(reference).toBeDefined();
  expect(passphrase).toBeDefined();
  return { reference: reference!, passphrase: passphrase!, confirmationHtml: page.html };
}

/** Types back the two words the confirmation page asks for. */
export async function confirmSaved(v: Visitor, issued: Issued) {
  const words = issued.passphrase.split(' ');
  const asked = [...issued.confirmationHtml.matchAll(/name="word(\d)"/g)].map((m) => Number(m[1]));
  expect(asked).toHaveLength(2);
  const fields = Object.fromEntries(asked.map((n) => [`word${n}`, words[n - 1]!.toUpperCase()]));
  const page = await v.post('/refer/confirmation', fields);
  expect(page.url).toBe('/refer/sent');
  return page;
}

export async function referInFull(v: Visitor, answers?: StepAnswers): Promise<Issued> {
  await answerAll(v, answers);
  const issued = await submitReferral(v);
  await confirmSaved(v, issued);
  return issued;
}

export async function signIn(v: Visitor, reference: string, passphrase: string) {
  return v.post('/check-your-referral', { reference, passphrase });
}
