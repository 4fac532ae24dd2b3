// The fields of each self-referral page. Each takes the saved (or just-submitted)
// values and the errors for its fields; the route wraps it in the form.
import type { ReactNode } from 'react';
import * as lists from '~/data/referral-options';
import { type StepSlug } from '~/data/referral-options';
import { Choices, firstError, Textarea, TextInput, type ChoiceItem, type FieldErrors } from './form-fields';

type Values = Record<string, unknown>;
type StepProps = { title: string; values: Values; errors: FieldErrors; areas?: readonly (readonly [string, string])[] };

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
/** A text field's name, saved value and error, from the page's values and errors. */
const field = (values: Values, errors: FieldErrors, name: string) => ({ name, defaultValue: str(values[name]), error: firstError(errors, name) });
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
      options={lists.PERSON_ROLE}
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
      options={lists.OFFENCE_KINDS}
      values={values}
      errors={errors}
      extra={{
        other: {
          dividerBefore: 'or',
          conditional: <TextInput {...field(values, errors, 'offenceOther')} label="Tell us in a few words (optional)" />,
        },
      }}
    />
  ),

  when: ({ title, values, errors }) => <Radios name="whenHappened" title={title} options={lists.WHEN_HAPPENED} values={values} errors={errors} />,

  where: ({ title, values, errors }) => (
    <TextInput
      {...field(values, errors, 'area')}
      label={title}
      isPageHeading
      hint="Optional. A town, or part of a city, like ‘Handsworth, Birmingham’. Please do not give an address."
      width="two-thirds"
    />
  ),

  'your-area': ({ title, values, errors, areas = [] }) => (
    <Radios
      name="areaCode"
      title={title}
      hint="Optional. It helps us check that the service reaches people wherever they live. We do not use it to find you."
      options={areas.filter(([code]) => code !== 'not_known')}
      values={values}
      errors={errors}
    />
  ),

  police: ({ title, values, errors }) => (
    <Radios
      name="reportedToPolice"
      title={title}
      hint="You can use this service whether or not you told the police."
      options={lists.REPORTED}
      values={values}
      errors={errors}
      extra={{
        yes: {
          conditional: (
            <TextInput
              {...field(values, errors, 'crimeReference')}
              label="Crime reference number (optional)"
              hint="If you have it. It helps us find the right information."
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
      options={lists.JUSTICE_STAGES}
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
      options={lists.KNOWS_WHO}
      values={values}
      errors={errors}
      extra={{
        yes: {
          conditional: <TextInput {...field(values, errors, 'harmerName')} label="Their name (optional)" width="two-thirds" spellCheck={false} />,
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
      items={items(lists.CONTACT_KINDS, { not_sure: { dividerBefore: 'or', exclusive: true } })}
      selected={list(values.contactKinds)}
      error={firstError(errors, 'contactKinds')}
    />
  ),

  'what-you-would-say': ({ title, values, errors }) => (
    <Textarea
      {...field(values, errors, 'whatToSay')}
      label={title}
      isPageHeading
      hint="Optional. For example, a question you want answered, or how it affected you. Please do not include names or addresses."
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
            label: lists.CONTACT_METHODS[0][1],
            hint: 'You stay anonymous. Check for messages here with your reference and passphrase.',
          },
          {
            value: 'email',
            label: 'Email',
            hint: 'We will know your email address. Our emails never say what they are about.',
            conditional: <TextInput {...field(values, errors, 'email')} label="Email address" type="email" spellCheck={false} />,
          },
          {
            value: 'phone',
            label: 'Phone',
            hint: 'We will know your phone number. We will only call at the times you say are safe.',
            conditional: (
              <>
                <TextInput {...field(values, errors, 'phone')} label="Phone number" type="tel" width="20" />
                <TextInput {...field(values, errors, 'phoneSafeTimes')} label="When is it safe to call? (optional)" hint="For example, weekdays after 6pm" />
                <Choices
                  kind="radios"
                  name="phoneMessageOk"
                  legend={{ text: 'Can we leave a message?', size: 's' }}
                  hint="We would only say we are returning your call. We would not say who we are."
                  items={items(lists.YES_NO)}
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
            conditional: <Textarea {...field(values, errors, 'postalAddress')} label="Address" rows={4} />,
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
      items={items(lists.SUPPORT_NEEDS, {
        interpreter: {
          conditional: <TextInput {...field(values, errors, 'interpreterLanguage')} label="Which language? (optional)" width="20" />,
        },
        access: {
          conditional: <Textarea {...field(values, errors, 'accessNeeds')} label="What would help? (optional)" rows={3} />,
        },
        supporter: {
          conditional: (
            <TextInput
              {...field(values, errors, 'supporterDetails')}
              label="Who would you like with you? (optional)"
              hint="For example, ‘my sister’ or ‘my support worker’"
            />
          ),
        },
        none: { dividerBefore: 'or', exclusive: true },
      })}
    />
  ),

  'how-you-heard': ({ title, values, errors }) => (
    <Radios
      name="heardAbout"
      title={title}
      hint="Optional. It helps us reach other people who could use the service. You can leave it and continue."
      options={lists.HEARD_ABOUT}
      values={values}
      errors={errors}
    />
  ),
};

function NameField({ values, errors }: { values: Values; errors: FieldErrors }) {
  return (
    <TextInput
      {...field(values, errors, 'contactName')}
      label="If we contact you, what name should we use? (optional)"
      hint="This can be a first name or a nickname. Leave it empty if you chose no contact."
      spellCheck={false}
    />
  );
}
