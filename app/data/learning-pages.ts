// The learning pages: the only pages search engines may index (issue 26). Each has a
// description for search results; the sitemap lists them; every other page is `noindex`
// and robots.txt keeps crawlers out of the forms and personal areas.
export const LEARNING_PAGES: Record<string, string> = {
  '/': 'Restorative justice lets people harmed by crime communicate with the person responsible, safely, with a trained facilitator. Free and confidential.',
  '/what-is-restorative-justice': 'What restorative justice is: a way for people harmed by crime to be heard and get answers from the person responsible, with a trained facilitator.',
  '/is-it-right-for-me': 'Whether restorative justice could be right for you, what it can and cannot do, and how to decide. You can stop at any time.',
  '/ways-it-can-happen': 'The ways restorative justice can happen: a meeting, letters passed on by a facilitator, a recorded message or a call.',
  '/what-happens-next': 'What happens after you ask about restorative justice: who contacts you, how you are kept safe, and how long each step takes.',
  '/what-the-evidence-says': 'What the evidence says about restorative justice: how people harmed by crime describe it, and what it does for reoffending.',
  '/questions': 'Questions people ask about restorative justice: cost, safety, anonymity, the police and court, and what happens to your information.',
  '/professionals': 'For police, probation, victim services, youth offending teams and prisons: how to refer someone for restorative justice.',
};

/** Where crawlers have no business: the forms and everything personal. */
export const NOT_FOR_CRAWLERS = ['/refer', '/check-your-referral', '/letters', '/staff', '/feedback', '/equality', '/complaint', '/exit', '/api'];
