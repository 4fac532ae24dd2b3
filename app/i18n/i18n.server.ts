// The translation layer (decision 025): i18next, on the server only, with one JSON catalogue
// per language and namespace (app/i18n/locales/<lang>/<namespace>.json, i18next's JSON v4
// format, which Weblate and Crowdin read). Pages are rendered in the visitor's language;
// no catalogue is sent to the browser.
import i18next from 'i18next';
import { env } from '~/utils/env.server';
import type { I18n } from './context';
import { isLang, LANGS, LANGUAGES, NAMESPACES, type Lang } from './languages';
import cyLayout from './locales/cy/layout.json';
import cySafety from './locales/cy/safety.json';
import enLayout from './locales/en/layout.json';
import enSafety from './locales/en/safety.json';
import plLayout from './locales/pl/layout.json';
import plSafety from './locales/pl/safety.json';
import urLayout from './locales/ur/layout.json';
import urSafety from './locales/ur/safety.json';

const resources = {
  en: { layout: enLayout, safety: enSafety },
  cy: { layout: cyLayout, safety: cySafety },
  ur: { layout: urLayout, safety: urSafety },
  pl: { layout: plLayout, safety: plSafety },
} satisfies Record<Lang, Record<string, unknown>>;

const i18n = i18next.createInstance();
void i18n.init({
  resources,
  lng: 'en',
  // A key missing in a draft language shows its English; the catalogue test keeps complete ones whole.
  fallbackLng: 'en',
  ns: [...NAMESPACES],
  defaultNS: 'layout',
  // React escapes what it renders; escaping here as well would show &amp; on the page.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

const translators = new Map<Lang, I18n['t']>(
  LANGS.map((lang) => {
    const t = i18n.getFixedT(lang);
    return [lang, (key, options) => String(options ? t(key, options) : t(key))];
  }),
);

/** What a page in `lang` renders its words with. */
export function i18nFor(lang: Lang): I18n {
  return { lang, dir: LANGUAGES[lang].dir, t: translators.get(lang)! };
}

/** The cookie that carries a chosen language: for the browser session only, nothing else in it. */
export const LANGUAGE_COOKIE = 'rj_lang';
const ATTRIBUTES = `Path=/; HttpOnly; SameSite=Lax${env.NODE_ENV === 'production' ? '; Secure' : ''}`;
/** Set-Cookie for a chosen language, and for forgetting it ("Exit this page"). */
export const languageCookie = (lang: Lang) => `${LANGUAGE_COOKIE}=${lang}; ${ATTRIBUTES}`;
export const clearLanguageCookie = () => `${LANGUAGE_COOKIE}=; Max-Age=0; ${ATTRIBUTES}`;
const CHOSEN = new RegExp(`(?:^|;\\s*)${LANGUAGE_COOKIE}=([a-z]{2})(?:;|$)`);

/**
 * The language a request is answered in: English on staff pages; else the one the visitor
 * chose (the `rj_lang` cookie); else the first of the browser's languages we offer
 * (Accept-Language, by q-value); else English.
 */
export function languageOf(request: Request): Lang {
  return languageFor(new URL(request.url).pathname, request.headers.get('cookie'), request.headers.get('accept-language'));
}

/** languageOf, from the parts server.js has at hand for the pages it serves from memory. */
export function languageFor(pathname: string, cookie: string | null | undefined, acceptLanguage: string | null | undefined): Lang {
  if (pathname === '/staff' || pathname.startsWith('/staff/')) return 'en';
  const chosen = CHOSEN.exec(cookie ?? '')?.[1];
  if (isLang(chosen)) return chosen;
  return fromAcceptLanguage(acceptLanguage ?? null);
}

/** The best language we offer from an Accept-Language header, by q-value then order. */
export function fromAcceptLanguage(header: string | null): Lang {
  if (!header) return 'en';
  const ranked = header
    .slice(0, 500)
    .split(',')
    .slice(0, 20)
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { lang: tag.trim().toLowerCase().split('-')[0], q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked.map((r) => r.lang).find(isLang) ?? 'en';
}
