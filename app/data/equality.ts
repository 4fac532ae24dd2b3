// The optional equality questions, as the UK's standard monitoring questions ask them
// (ONS 2021 Census categories, grouped at the top level). Every question has "prefer not to
// say". The answers are stored apart from every case and person (decision 020).
export const EQUALITY_QUESTIONS = [
  {
    slug: 'age',
    field: 'ageBand',
    title: 'How old are you?',
    options: [
      ['under_18', 'Under 18'],
      ['18_24', '18 to 24'],
      ['25_34', '25 to 34'],
      ['35_44', '35 to 44'],
      ['45_54', '45 to 54'],
      ['55_64', '55 to 64'],
      ['65_plus', '65 or over'],
      ['prefer_not', 'Prefer not to say'],
    ],
  },
  {
    slug: 'sex',
    field: 'sex',
    title: 'What is your sex?',
    options: [
      ['female', 'Female'],
      ['male', 'Male'],
      ['prefer_not', 'Prefer not to say'],
    ],
  },
  {
    slug: 'gender-identity',
    field: 'genderSame',
    title: 'Is the gender you identify with the same as your sex registered at birth?',
    options: [
      ['yes', 'Yes'],
      ['no', 'No'],
      ['prefer_not', 'Prefer not to say'],
    ],
  },
  {
    slug: 'ethnic-group',
    field: 'ethnicGroup',
    title: 'What is your ethnic group?',
    options: [
      ['asian', 'Asian or Asian British'],
      ['black', 'Black, Black British, Caribbean or African'],
      ['mixed', 'Mixed or multiple ethnic groups'],
      ['white', 'White'],
      ['other', 'Another ethnic group'],
      ['prefer_not', 'Prefer not to say'],
    ],
  },
  {
    slug: 'religion',
    field: 'religion',
    title: 'What is your religion?',
    options: [
      ['none', 'No religion'],
      ['buddhist', 'Buddhist'],
      ['christian', 'Christian'],
      ['hindu', 'Hindu'],
      ['jewish', 'Jewish'],
      ['muslim', 'Muslim'],
      ['sikh', 'Sikh'],
      ['other', 'Another religion'],
      ['prefer_not', 'Prefer not to say'],
    ],
  },
  {
    slug: 'disability',
    field: 'disability',
    title: 'Do you have a physical or mental health condition or illness that has lasted, or is expected to last, 12 months or more?',
    options: [
      ['yes', 'Yes'],
      ['no', 'No'],
      ['prefer_not', 'Prefer not to say'],
    ],
  },
  {
    slug: 'sexual-orientation',
    field: 'sexualOrientation',
    title: 'Which of these best describes your sexual orientation?',
    options: [
      ['straight', 'Straight or heterosexual'],
      ['gay_lesbian', 'Gay or lesbian'],
      ['bisexual', 'Bisexual'],
      ['other', 'Another sexual orientation'],
      ['prefer_not', 'Prefer not to say'],
    ],
  },
] as const;

export type EqualityField = (typeof EQUALITY_QUESTIONS)[number]['field'];
