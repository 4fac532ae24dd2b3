// Threatening or abusive wording that a facilitator should look at before a letter is
// passed on. Kept as data: add to it when a review finds something it missed. Matching
// is case-insensitive, on whole words; a phrase matches with any spacing between words.
// Flags inform the facilitator; they never block or change a letter on their own.
export const THREAT_PHRASES: readonly string[] = [
  // Threats of harm
  'kill you',
  'kill',
  'murder',
  'hurt you',
  'hurt your',
  'beat you',
  'smash your',
  'stab',
  'burn your',
  'you will pay',
  "you'll pay",
  'you will regret',
  "you'll regret",
  'watch your back',
  'watch yourself',
  'i know where you live',
  'i know where you work',
  'i will find you',
  "i'll find you",
  'find you',
  'coming for you',
  'get you back',
  'sort you out',
  'teach you a lesson',
  'make you suffer',
  'better keep quiet',
  'keep your mouth shut',
  'or else',
  'dead',
  'shoot',
  // Abuse
  'scum',
  'scumbag',
  'bitch',
  'bastard',
  'slag',
  'whore',
  'cunt',
  'fuck',
  'fucking',
  'prick',
  'idiot',
  'pathetic',
  'worthless',
  'liar',
  'grass',
  'snitch',
];

// Common UK first names. A capitalised word in this list that is not a participant's
// name is flagged as "a name of someone else". Extend as reviews find misses.
export const FIRST_NAMES: readonly string[] = (
  'Aaron Abdul Abigail Adam Adrian Ahmed Aidan Aisha Alan Alex Alexander Alfie Ali Alice Alison Amanda Amber Amelia Amir Amy Andrew Angela Ann Anna Anne Anthony Archie ' +
  'Arthur Ashley Ava Barbara Barry Ben Benjamin Beth Bethany Bill Billy Bob Brandon Brian Callum Cameron Carl Carol Caroline Catherine Charlie Charlotte Chloe Chris Christine ' +
  'Christopher Claire Colin Connor Craig Daisy Daniel Danny Darren Dave David Dean Debbie Declan Dennis Diane Dylan Edward Eleanor Elizabeth Ella Ellie Emily Emma Eric Ethan ' +
  'Evie Fatima Finley Florence Frank Freddie Freya Gary Gemma George Georgia Grace Graham Hannah Harriet Harry Harvey Hassan Hayley Heather Helen Henry Holly Ian Imran Isaac ' +
  'Isabel Isabella Isla Ivy Jack Jackson Jacob Jade Jake James Jamie Jane Janet Jason Jay Jayden Jean Jennifer Jenny Jessica Jim Jimmy Joan Joanne Joe Joel John Jonathan Jordan ' +
  'Joseph Josh Joshua Joyce Julie Karen Kate Katie Kayleigh Keith Kelly Kevin Kieran Kim Kyle Laura Lauren Layla Leah Lee Leo Lewis Liam Lily Lisa Logan Louis Louise Luca Lucy ' +
  'Luke Mandy Margaret Maria Mark Martin Mary Mason Matthew Megan Mia Michael Michelle Mohamed Mohammed Muhammad Nathan Neil Nicola Noah Oliver Olivia Oscar Owen Paul Paula ' +
  'Peter Phoebe Poppy Rachel Rebecca Reece Richard Rob Robert Robin Rosie Ruby Ryan Sadie Sally Sam Samantha Samuel Sandra Sarah Scott Sean Shane Sharon Shaun Sophie Stacey ' +
  'Stephen Steve Steven Stuart Susan Tariq Theo Thomas Tim Toby Tom Tommy Tony Tracey Tyler Usman Vicky Victoria Wayne William Willow Yasmin Zac Zara Zoe'
).split(' ');

// What someone writes when they are frightened, not threatening: a message with any of
// these (or with threatening wording) is marked urgent for the facilitator.
export const ALARM_PHRASES: readonly string[] = [
  'knows where i live',
  'know where i live',
  'found out where i live',
  'outside my house',
  'outside my home',
  'outside my door',
  'followed me',
  'following me',
  'turned up',
  'came to my house',
  'threatened me',
  'threatening me',
  'scared',
  'frightened',
  'afraid',
  'terrified',
  'not safe',
  'unsafe',
  'in danger',
  'help me',
  'contacted me',
  'messaged me',
];
