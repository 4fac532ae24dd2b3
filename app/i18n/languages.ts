// The languages the public and participant pages are offered in (decision 025). A
// translation is a draft until a qualified translator has checked it: `reviewed` says so,
// and every page in an unreviewed language says it, in that language. `complete` lists the
// catalogue namespaces that must hold every key of English (tests/lint/catalogues.test.ts).
export const LANGUAGES = {
  en: { name: 'English', dir: 'ltr', reviewed: true, complete: ['layout', 'safety'] },
  cy: { name: 'Cymraeg', dir: 'ltr', reviewed: false, complete: ['layout', 'safety'] },
  ur: { name: 'اردو', dir: 'rtl', reviewed: false, complete: ['layout', 'safety'] },
  pl: { name: 'Polski', dir: 'ltr', reviewed: false, complete: ['layout', 'safety'] },
} as const satisfies Record<string, { name: string; dir: 'ltr' | 'rtl'; reviewed: boolean; complete: readonly Namespace[] }>;

export type Lang = keyof typeof LANGUAGES;
export const LANGS = Object.keys(LANGUAGES) as Lang[];
export const NAMESPACES = ['layout', 'safety'] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const isLang = (v: unknown): v is Lang => typeof v === 'string' && Object.hasOwn(LANGUAGES, v);
