// The fields of each self-referral page. Each takes the saved (or just-submitted)
// values and the errors for its fields; the route wraps it in the form.
import type { ReactNode } from 'react';
import {
  CONTACT_KINDS,
  CONTACT_METHODS,
  JUSTICE_STAGES,
  KNOWS_WHO,
  OFFENCE_KINDS,
  PERSON_ROLE,
  REPORTED,
  SUPPORT_NEEDS,
  WHEN_HAPPENED,
  YES_NO,
  type StepSlug,
} from '~/data/referral-options';
import { Choices, firstError, Textarea, TextInput, type ChoiceItem, type FieldErrors } from './form-fields';

type Values = Record<string, unknown>;
type StepProps = { title: string; values: Values; errors: FieldErrors };

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);
const items = (options: readonly (readonly [string, string])[], extra: Record<string, Partial<ChoiceItem>> = {}): ChoiceItem[] =>
  options.map(([value, label]) => ({ value, label, ...extra[value] }));

function Radios(props: {
  name: string;
  title: string;
  hint?: ReactNode;
  options: readonly (readonly [string, string])[];
  extra?: Record<string, Partial<ChoiceItem>>;
  values: Values;
  errors: FieldErrors;
}) {
  return (
    <Choices
      kind="radios"
      name={props.name}
      legend={{ text: props.title, isPageHeading: true }}
      hint={props.hint}
      items={items(props.options, props.extra)}
      selected={str(props.values[props.name])}
      error={firstError(props.errors, props.name)}
    />
  );
}

export const STEP_FIELDS: Record<StepSlug, (p: StepProps) => ReactNode> = {
  who: ({ title, values, errors }) => (
    <Radios
      name="personRole"
      title={title}
      options={PERSON_ROLE}
      values={values}
      errors={errors}
      hint="For example, a parent getting in touch for their child, or a carer."
    />
  ),

  'what-happened': ({ title, values, errors }) => (
    <Radios
      name="offenceKind"
      title={title}
      hint="Choose the one that fits best. You do not need to give details."
      options={OFFENCE_KINDS}
      values={values}
      errors={errors}
      extra={{
        other: {
          dividerBefore: 'or',
          conditional: (
            <TextInput
              name="offenceOther"
              label="Tell us in a few words (optional)"
              defaultValue={str(values.offenceOther)}
              error={firstError(errors, 'offenceOther')}
            />
          ),
        },
      }}
    />
  ),

  when: ({ title, values, errors }) => <Radios name="whenHappened" title={title} options={WHEN_HAPPENED} values={values} errors={errors} />,

  where: ({ title, values, errors }) => (
    <TextInput
      name="area"
      label={title}
      isPageHeading
      hint="Optional. A town, or part of a city, like ‘Handsworth, Birmingham’. Please do not give an address."
      defaultValue={str(values.area)}
      error={firstError(errors, 'area')}
      width="two-thirds"
    />
  ),

  police: ({ title, values, errors }) => (
    <Radios
      name="reportedToPolice"
      title={title}
      hint="You can use this service whether or not you told the police."
      options={REPORTED}
      values={values}
      errors={errors}
      extra={{
        yes: {
          conditional: (
            <TextInput
              name="crimeReference"
              label="Crime reference number (optional)"
              hint="If you have it. It helps us find the right information."
              defaultValue={str(values.crimeReference)}
              error={firstError(errors, 'crimeReference')}
              width="20"
              spellCheck={false}
            />
          ),
        },
      }}
    />
  ),

  'where-things-are': ({ title, values, errors }) => (
    <Radios
      name="justiceStage"
      title={title}
      hint="Restorative justice can happen at any stage."
      options={JUSTICE_STAGES}
      values={values}
      errors={errors}
      extra={{ not_sure: { dividerBefore: 'or' } }}
    />
  ),

  'who-harmed-you': ({ title, values, errors }) => (
    <Radios
      name="knowsWhoHarmed"
      title={title}
      hint="It is fine if you do not know. We can often find out."
      options={KNOWS_WHO}
      values={values}
      errors={errors}
      extra={{
        yes: {
          conditional: (
            <TextInput
              name="harmerName"
              label="Their name (optional)"
              defaultValue={str(values.harmerName)}
              error={firstError(errors, 'harmerName')}
              width="two-thirds"
              spellCheck={false}
            />
          ),
        },
      }}
    />
  ),

  'kind-of-contact': ({ title, values, errors }) => (
    <Choices
      kind="checkboxes"
      name="contactKinds"
      legend={{ text: title, isPageHeading: true }}
      hint="Select all that you might want. You can change your mind at any time."
      items={items(CONTACT_KINDS, { not_sure: { dividerBefore: 'or', exclusive: true } })}
      selected={list(values.contactKinds)}
      error={firstError(errors, 'contactKinds')}
    />
  ),

  'what-you-would-say': ({ title, values, errors }) => (
    <Textarea
      name="whatToSay"
      label={title}
      isPageHeading
      hint="Optional. For example, a question you want answered, or how it affected you. Please do not include names or addresses."
      defaultValue={str(values.whatToSay)}
      error={firstError(errors, 'whatToSay')}
      maxLength={2000}
      rows={8}
    />
  ),

  'contacting-you': ({ title, values, errors }) => (
    <>
      <Choices
        kind="radios"
        name="contactMethod"
        legend={{ text: title, isPageHeading: true }}
        hint="You do not have to give any contact details. Only our team will see them."
        selected={str(values.contactMethod)}
        error={firstError(errors, 'contactMethod')}
        items={[
          {
            value: 'none',
            label: CONTACT_METHODS[0][1],
            hint: 'You stay anonymous. Check for messages here with your reference and passphrase.',
          },
          {
            value: 'email',
            label: 'Email',
            hint: 'We will know your email address. Our emails never say what they are about.',
            conditional: (
              <TextInput
                name="email"
                label="Email address"
                type="email"
                autoComplete="email"
                spellCheck={false}
                defaultValue={str(values.email)}
                error={firstError(errors, 'email')}
              />
            ),
          },
          {
            value: 'phone',
            label: 'Phone',
            hint: 'We will know your phone number. We will only call at the times you say are safe.',
            conditional: (
              <>
                <TextInput
                  name="phone"
                  label="Phone number"
                  type="tel"
                  autoComplete="tel"
                  width="20"
                  defaultValue={str(values.phone)}
                  error={firstError(errors, 'phone')}
                />
                <TextInput
                  name="phoneSafeTimes"
                  label="When is it safe to call? (optional)"
                  hint="For example, weekdays after 6pm"
                  defaultValue={str(values.phoneSafeTimes)}
                  error={firstError(errors, 'phoneSafeTimes')}
                />
                <Choices
                  kind="radios"
                  name="phoneMessageOk"
                  legend={{ text: 'Can we leave a message?', size: 's' }}
                  hint="We would only say we are returning your call. We would not say who we are."
                  items={items(YES_NO)}
                  selected={str(values.phoneMessageOk)}
                  error={firstError(errors, 'phoneMessageOk')}
                  small
                />
              </>
            ),
          },
          {
            value: 'post',
            label: 'Post',
            hint: 'We will know your address. Our letters come in a plain envelope.',
            conditional: (
              <Textarea
                name="postalAddress"
                label="Address"
                autoComplete="street-address"
                rows={4}
                defaultValue={str(values.postalAddress)}
                error={firstError(errors, 'postalAddress')}
              />
            ),
          },
        ]}
      />
      <NameField values={values} errors={errors} />
    </>
  ),

  support: ({ title, values, errors }) => (
    <Choices
      kind="checkboxes"
      name="supportNeeds"
      legend={{ text: title, isPageHeading: true }}
      hint="Select all that apply. It is free."
      selected={list(values.supportNeeds)}
      error={firstError(errors, 'supportNeeds')}
      items={items(SUPPORT_NEEDS, {
        interpreter: {
          conditional: (
            <TextInput
              name="interpreterLanguage"
              label="Which language? (optional)"
              width="20"
              defaultValue={str(values.interpreterLanguage)}
              error={firstError(errors, 'interpreterLanguage')}
            />
          ),
        },
        access: {
          conditional: (
            <Textarea
              name="accessNeeds"
              label="What would help? (optional)"
              rows={3}
              defaultValue={str(values.accessNeeds)}
              error={firstError(errors, 'accessNeeds')}
            />
          ),
        },
        supporter: {
          conditional: (
            <TextInput
              name="supporterDetails"
              label="Who would you like with you? (optional)"
              hint="For example, ‘my sister’ or ‘my support worker’"
              defaultValue={str(values.supporterDetails)}
              error={firstError(errors, 'supporterDetails')}
            />
          ),
        },
        none: { dividerBefore: 'or', exclusive: true },
      })}
    />
  ),
};

function NameField({ values, errors }: { values: Values; errors: FieldErrors }) {
  return (
    <TextInput
      name="contactName"
      label="If we contact you, what name should we use? (optional)"
      hint="This can be a first name or a nickname. Leave it empty if you chose no contact."
      autoComplete="given-name"
      spellCheck={false}
      defaultValue={str(values.contactName)}
      error={firstError(errors, 'contactName')}
    />
  );
}
