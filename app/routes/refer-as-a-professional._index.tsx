// The partner referral form: one page in sections, for professionals who refer often.
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { Button, Choices, firstError, Textarea, TextInput, type ChoiceItem } from '~/components/form-fields';
import { AGENCIES, INITIATED_BY, KNOWN_RISKS, OFFENDER_AGE_GROUPS, partnerReferralSchema } from '~/models/referrals/partner-questions';
import { submitPartnerReferral } from '~/models/referrals/partner-referral.server';
import { areaOptions, isArea } from '~/models/reports/report-categories.server';
import { HEARD_ABOUT, JUSTICE_STAGES, OFFENCE_KINDS, SUPPORT_NEEDS, YES_NO } from '~/data/referral-options';
import { partnerDoneCookie } from '~/utils/partner-cookie.server';
import { readForm, replyWithErrors } from '~/utils/form.server';
import { PageColumn } from '~/components/page';
import { issueFormKey } from '~/utils/form-key.server';
import type { RouteHandle } from '~/root';

export const handle: RouteHandle = { title: 'Refer someone: for professionals' };

export async function loader(_: LoaderFunctionArgs) {
  return { submissionKey: issueFormKey(), areas: areaOptions() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: partnerReferralSchema });
  if (submission.status !== 'success') return data(replyWithErrors(submission), { status: 400 });
  // The areas are data (report_categories): the code must be one offered now.
  if (!isArea(submission.value.areaCode))
    return data(replyWithErrors(submission, { fieldErrors: { areaCode: ['Select the area they live in, or ‘Not known’'] } }), { status: 400 });
  const result = submitPartnerReferral(submission.value, context.clientAddress ?? 'unknown');
  if (!result.ok) {
    const message =
      result.error === 'bad-key'
        ? 'Reload the form and try again'
        : 'We have had a lot of referrals from you in the last 15 minutes. Wait a few minutes, or phone us';
    return data(replyWithErrors(submission, { fieldErrors: { submissionKey: [message] } }), { status: result.error === 'bad-key' ? 400 : 429 });
  }
  return redirect('/refer-as-a-professional/sent', { headers: { 'Set-Cookie': await partnerDoneCookie.write(result.reference) } });
}

type Options = readonly (readonly [string, string])[];
const items = (o: Options, extra: Record<string, Partial<ChoiceItem>> = {}): ChoiceItem[] => o.map(([value, label]) => ({ value, label, ...extra[value] }));
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : []);

export default function PartnerReferral() {
  const { submissionKey, areas } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.error ?? undefined;
  const v = (result?.initialValue ?? {}) as Record<string, unknown>;
  const e = (name: string) => firstError(errors, name);
  const f = (name: string) => ({ name, defaultValue: str(v[name]), error: e(name) });
  const radios = (name: string, legend: string, options: Options) =>
    ({ kind: 'radios', name, legend: { text: legend, size: 's' }, items: items(options), selected: str(v[name]), error: e(name), small: true }) as const;
  return (
    <PageColumn errors={errors}>
      <h1 className="govuk-heading-l">Refer someone: for professionals</h1>
      <p className="govuk-body">
        For police, probation, prisons, youth offending teams, victim services and community safety partnerships. It takes about 10 minutes.
      </p>
      <Form method="post" noValidate autoComplete="off">
        <input type="hidden" name="submissionKey" value={str(v.submissionKey) ?? submissionKey} />
        <h2 className="govuk-heading-m">About you</h2>
        <Choices
          kind="radios"
          name="agency"
          legend={{ text: 'Your organisation', size: 's' }}
          items={items(AGENCIES, {
            other: {
              conditional: <TextInput {...f('agencyOther')} label="Name of your organisation" />,
            },
          })}
          selected={str(v.agency)}
          error={e('agency')}
          small
        />
        <TextInput {...f('referrerName')} label="Your name" autoComplete="name" />
        <TextInput
          {...f('referrerEmail')}
          label="Your work email address"
          hint="We send the reference here"
          type="email"
          autoComplete="email"
          spellCheck={false}
        />
        <TextInput {...f('referrerPhone')} label="Your work phone number" type="tel" autoComplete="tel" width="20" />

        <h2 className="govuk-heading-m">The referral</h2>
        <Choices
          kind="radios"
          name="initiatedBy"
          legend={{ text: 'Who asked for restorative justice?', size: 's' }}
          hint="The service is led by the victim’s needs either way."
          items={items(INITIATED_BY, {
            offender: { hint: 'We approach the victim first, with care, and say nothing of this until they agree to hear more.' },
          })}
          selected={str(v.initiatedBy)}
          error={e('initiatedBy')}
          small
        />
        <Choices
          kind="checkboxes"
          name="consentConfirmed"
          legend={{ text: 'Agreement', size: 's' }}
          items={[{ value: 'yes', label: 'The person I am referring knows about this referral and agreed to it' }]}
          selected={str(v.consentConfirmed)}
          error={e('consentConfirmed')}
          small
        />
        <Choices
          {...radios('shareWithReferrer', 'Did the person agree that we tell you how it goes?', [
            ['yes', 'Yes'],
            ['no', 'No'],
          ])}
          hint="If they did, we email you when we make contact, if it will not go ahead and why (in general terms), when a process is completed and when it closes. Never their words or anyone’s details."
        />
        <Choices
          kind="checkboxes"
          name="noUpdates"
          legend={{ text: 'Progress emails', size: 's' }}
          items={[{ value: 'yes', label: 'Do not send me progress emails about this referral' }]}
          selected={str(v.noUpdates)}
          error={e('noUpdates')}
          small
        />

        <h2 className="govuk-heading-m">The people</h2>
        <Textarea {...f('victimDetails')} label="The victim or victims" hint="Names, and safe ways and times to contact them" rows={4} maxLength={2000} />
        <Textarea
          {...f('offenderDetails')}
          label="The person responsible"
          hint="Name, and where they are now (for example, in prison or on probation), if known"
          rows={4}
          maxLength={2000}
        />
        <Choices
          {...radios('offenderAgeGroup', 'Age of the person responsible', OFFENDER_AGE_GROUPS)}
          hint="Referrals about someone under 18 may be for the youth offending team to deliver. We check with them."
        />

        <Choices
          {...radios('areaCode', 'Which area does the person you are referring live in?', areas)}
          hint="So we can show the service reaches people wherever they live."
        />
        <TextInput
          {...f('postcodeDistrict')}
          label="The first part of their postcode (optional)"
          hint="Only the first part, like B21. Not the whole postcode."
          width="5"
          spellCheck={false}
        />

        <h2 className="govuk-heading-m">The offence</h2>
        <Choices {...radios('offenceKind', 'Kind of offence', OFFENCE_KINDS)} />
        <TextInput {...f('offenceDate')} label="Date of the offence (optional)" hint="An approximate date is fine, like ‘March 2026’" width="20" />
        <TextInput {...f('crimeReference')} label="Police reference (optional)" width="20" spellCheck={false} />
        <Choices {...radios('justiceStage', 'Stage of the justice system', JUSTICE_STAGES)} />
        <Choices
          {...radios('antiSocialBehaviour', 'Is it being dealt with as anti-social behaviour?', YES_NO)}
          hint="Anti-social behaviour is funded separately from crime, so we count it apart."
        />

        <h2 className="govuk-heading-m">Risks and support</h2>
        <Choices
          kind="checkboxes"
          name="risks"
          legend={{ text: 'Known risks', size: 's' }}
          hint="Select all that apply"
          items={items(KNOWN_RISKS, { none: { dividerBefore: 'or', exclusive: true } })}
          selected={list(v.risks)}
          error={e('risks')}
          small
        />
        <Textarea {...f('riskNotes')} label="About the risks (optional)" rows={3} maxLength={2000} />
        <Choices
          kind="checkboxes"
          name="supportNeeds"
          legend={{ text: 'Support needs', size: 's' }}
          items={items(SUPPORT_NEEDS, { none: { dividerBefore: 'or', exclusive: true } })}
          selected={list(v.supportNeeds)}
          error={e('supportNeeds')}
          small
        />
        <Textarea
          {...f('supportDetails')}
          label="About support needs (optional)"
          hint="For example, the language for an interpreter"
          rows={3}
          maxLength={1000}
        />
        <Choices {...radios('heardAbout', 'How did you hear about the service? (optional)', HEARD_ABOUT)} />
        <Button>Send referral</Button>
      </Form>
    </PageColumn>
  );
}
