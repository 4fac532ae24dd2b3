// Labelled examples for the safety flags: what a facilitator would want flagged in each,
// by kind and the words concerned. `[]` means nothing should be flagged. Used by the
// tests (which hold the flags to these) and by `npm run bench` (which prints the scores).
import type { FlagKind } from './safety-flags';

export type Example = { text: string; expect: [FlagKind, string][] };

export const EXAMPLES: Example[] = [
  // Phone numbers
  { text: 'You can ring me on 07700 900982 if you want.', expect: [['phone', '07700 900982']] },
  { text: 'My number is +44 7700 900 982.', expect: [['phone', '+44 7700 900 982']] },
  { text: 'Call the house on 0121 496 0000 after six.', expect: [['phone', '0121 496 0000']] },
  { text: 'text me 07700-900-982', expect: [['phone', '07700-900-982']] },
  { text: 'It took me 3 years and 2 months to feel safe again.', expect: [] },
  { text: 'I was given 240 hours of community service.', expect: [] },
  // Email and links
  { text: 'Email me at jo.bloggs@example.com please.', expect: [['email', 'jo.bloggs@example.com']] },
  { text: 'Look at www.example.org/my-story to see.', expect: [['link', 'www.example.org/my-story']] },
  { text: 'I wrote about it on https://blog.example.net/post/12', expect: [['link', 'https://blog.example.net/post/12']] },
  { text: 'The leaflet said to visit victimsupport.org.uk for help.', expect: [['link', 'victimsupport.org.uk']] },
  { text: 'I am sorry. I know that is not enough.', expect: [] },
  // Social media
  { text: 'Add me on snapchat: jbloggs99', expect: [['social', 'snapchat: jbloggs99']] },
  { text: 'message me @jbloggs_99', expect: [['social', '@jbloggs_99']] },
  { text: 'My insta is jbloggs.', expect: [['social', 'insta is jbloggs']] },
  { text: 'I saw what people said about me on Facebook.', expect: [['social', 'Facebook']] },
  // Addresses and postcodes
  {
    text: 'I still live at 14 Acacia Avenue.',
    expect: [
      ['address', '14 Acacia Avenue'],
      ['place', 'live at 14 Acacia Avenue'],
    ],
  },
  { text: 'Send it to Flat 3, the one above the shop.', expect: [['address', 'Flat 3']] },
  { text: 'We moved to B21 9RS last year.', expect: [['postcode', 'B21 9RS']] },
  { text: 'the postcode is dy1 4bz', expect: [['postcode', 'dy1 4bz']] },
  { text: 'It happened on Church Road near the park.', expect: [] },
  { text: 'I was 14 when my dad left.', expect: [] },
  // Names of other people
  { text: 'My sister Sarah has not slept properly since.', expect: [['name', 'Sarah']] },
  { text: 'Tell Kevin Smith he was there too.', expect: [['name', 'Kevin Smith']] },
  { text: 'Dear Owen, I want you to know how I feel.', expect: [] },
  { text: 'I want to say sorry to Vera for what I did.', expect: [] },
  { text: 'It was a Monday in the spring.', expect: [] },
  // Dates and places that identify someone
  { text: 'I go to the gym every Tuesday.', expect: [['date', 'every Tuesday']] },
  { text: 'My birthday is on 14th March.', expect: [['date', '14th March']] },
  { text: 'It was 12/03/2025 when it happened.', expect: [['date', '12/03/2025']] },
  { text: 'I work at Tesco on the high street.', expect: [['place', 'work at Tesco']] },
  { text: 'My school is in Dudley.', expect: [['place', 'My school is in Dudley']] },
  { text: 'My daughter goes to St Mary Primary.', expect: [['place', 'My daughter goes to St Mary Primary']] },
  { text: 'You can write to me at HMP Example.', expect: [['place', 'write to me at HMP Example']] },
  { text: 'I am in HMP Birmingham until next year.', expect: [['place', 'HMP Birmingham']] },
  { text: 'I think about it every day.', expect: [] },
  { text: 'Last summer was the worst time of my life.', expect: [] },
  // Threats and abuse
  { text: 'If you talk to anyone I will find you.', expect: [['threat', 'I will find you']] },
  { text: 'You will pay for this.', expect: [['threat', 'You will pay']] },
  { text: 'watch your back', expect: [['threat', 'watch your back']] },
  { text: 'You are scum and everyone knows it.', expect: [['threat', 'scum']] },
  { text: 'I know where you live.', expect: [['threat', 'I know where you live']] },
  {
    text: 'You better keep your mouth shut or else.',
    expect: [
      ['threat', 'keep your mouth shut'],
      ['threat', 'or else'],
    ],
  },
  { text: 'I was scared you would hurt me again.', expect: [] },
  { text: 'I felt like I would never be safe.', expect: [] },
  { text: 'I am sorry I made you feel that way. I was angry at the world, not at you.', expect: [] },
  // Mixed
  {
    text: 'Dear Vera, I am sorry. If you want to talk, my mate Tom has my number, 07700 900123, or email owen@example.com.',
    expect: [
      ['name', 'Tom'],
      ['phone', '07700 900123'],
      ['email', 'owen@example.com'],
    ],
  },
];

/**
 * Harder examples, written to probe the limits rather than to tune against: spelled-out
 * details, veiled threats, words used about oneself. `npm run bench` reports how the
 * flags do on these; they are not asserted, because several are known misses.
 */
export const HARD_EXAMPLES: Example[] = [
  { text: 'ring me on oh seven seven double oh nine double oh', expect: [['phone', 'oh seven seven double oh nine double oh']] },
  { text: 'email me at jo at example dot com', expect: [['email', 'jo at example dot com']] },
  { text: 'my house is the blue one by the Co-op on Kings Road', expect: [['address', 'the blue one by the Co-op on Kings Road']] },
  { text: 'You know what happens to grasses round here.', expect: [['threat', 'what happens to grasses']] },
  { text: "I'll make sure you never forget this.", expect: [['threat', 'make sure you never forget this']] },
  { text: 'My sister Jasmine cried for weeks.', expect: [['name', 'Jasmine']] },
  { text: 'I felt dead inside for months.', expect: [] },
  { text: 'Please do not think I am an idiot for asking.', expect: [] },
  { text: 'I finish work at 5 at the Amazon warehouse in Rugeley.', expect: [['place', 'the Amazon warehouse in Rugeley']] },
  { text: 'Number 42, the one with the red door.', expect: [['address', 'Number 42']] },
  { text: 'My WhatsApp is the same number as before.', expect: [['social', 'WhatsApp']] },
  { text: 'I pick my son up from school at 3 every weekday.', expect: [['date', 'at 3 every weekday']] },
  { text: 'If I see you again there will be trouble.', expect: [['threat', 'there will be trouble']] },
  { text: 'I hope one day we can both move on.', expect: [] },
  {
    text: 'Kelly from the chip shop saw it all.',
    expect: [
      ['name', 'Kelly'],
      ['place', 'the chip shop'],
    ],
  },
];
