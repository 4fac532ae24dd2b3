// The GOV.UK page template: skip link, service navigation, Exit this page (on public
// pages) or the staff navigation, <main>, footer and the error boundary; and, where React
// runs in the browser (staff pages), where focus goes after each navigation.
import { LEARNING_PAGES } from '~/data/learning-pages';
import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import {
  isRouteErrorResponse,
  Links,
  Link,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import { useContext, useEffect, type ReactNode } from 'react';
import { UNSAFE_DataRouterStateContext } from 'react-router-dom';
import publicPageJs from './browser/public-page?worker&url';
import { ExitThisPage } from './components/page';
import { StaffNav } from './components/staff-nav';
import { useFocusAfterNavigation } from './components/focus-after-navigation';
import { LanguageLinks, TranslationNote } from './components/language';
import { useI18n } from './i18n/context';
import { LANGUAGES, type Lang, type Namespace } from './i18n/languages';
import mainCss from './styles/main.scss?url';
import { env } from './utils/env.server';
import { JS_ENABLED } from './utils/inline-scripts';
import { useNonce } from './utils/nonce';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: mainCss },
  // The service's own icons (public/; scripts/make-icons.mts draws them), not GOV.UK's crown.
  { rel: 'icon', href: '/favicon.ico', sizes: '32x32' },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
  { rel: 'apple-touch-icon', href: '/icon-180.png' },
];

export async function loader(_: LoaderFunctionArgs) {
  return { servicePhone: env.SERVICE_PHONE };
}

/** What a route may declare in `handle`. */
export type RouteHandle = {
  /** The page's title, or a function of its loader data. */
  title?: string | ((data: unknown) => string);
  /** Staff pages set this false; every public and participant page shows Exit this page. */
  exitThisPage?: boolean;
  /** 'staff' for the workspace: the public menu is not shown. */
  area?: 'staff';
  /**
   * true: the page loads React and Remix in the browser and hydrates (the staff workspace).
   * Otherwise the page is plain server-rendered HTML with forms that post, plus one small
   * module of GOV.UK Frontend behaviour (app/browser/public-page.ts): a public page then
   * weighs a fraction as much on a victim's phone. Such a page must not need hooks that
   * only run in the browser (useEffect, fetchers, client-side validation).
   */
  clientRuntime?: boolean;
  /**
   * true: the page is the same bytes for every visitor (no loader, no runtime, nothing from
   * the request), so server.js renders it once and serves it from memory.
   */
  staticPage?: boolean;
  /**
   * The catalogue namespace the page's words come from (app/i18n). Until the visitor's
   * language is complete for it, the page's content stays English and is marked so
   * (lang="en", left to right) inside a translated frame.
   */
  namespace?: Namespace;
};

function usePageTitle(): string {
  const matches = useMatches();
  const routerState = useContext(UNSAFE_DataRouterStateContext);
  const leaf = [...matches].reverse().find((m) => (m.handle as RouteHandle | undefined)?.title);
  const handle = leaf?.handle as RouteHandle | undefined;
  const title = typeof handle?.title === 'function' ? (leaf?.data ? handle.title(leaf.data) : undefined) : handle?.title;
  // A form that came back with errors says so first in the title, as GOV.UK pages do.
  const actionData = Object.values(routerState?.actionData ?? {});
  const hasErrors = actionData.some((d) => d && typeof d === 'object' && (d as { status?: string }).status === 'error');
  const { t } = useI18n();
  // A title that is a catalogue key ('safety:title') is said in the page's language.
  const said = title && /^[a-z]+:[\w.]+$/.test(title) ? t(title) : title;
  return `${hasErrors ? 'Error: ' : ''}${said ? `${said} – ` : ''}${t('layout:serviceName')}`;
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>('root');
  const matches = useMatches();
  const showExit = !matches.some((m) => (m.handle as RouteHandle | undefined)?.exitThisPage === false);
  const staffArea = matches.some((m) => (m.handle as RouteHandle | undefined)?.area === 'staff');
  const namespace = [...matches].reverse().find((m) => (m.handle as RouteHandle | undefined)?.namespace)?.handle as RouteHandle | undefined;
  const clientRuntime = matches.some((m) => (m.handle as RouteHandle | undefined)?.clientRuntime === true);
  const title = usePageTitle();
  const { lang, dir, t } = useI18n();
  const location = useLocation();
  const description = LEARNING_PAGES[location.pathname];
  useFocusAfterNavigation();

  // Runs only where the page hydrates: GOV.UK Frontend's behaviour after each navigation.
  useEffect(() => {
    let cleanup = () => {};
    let cancelled = false;
    void Promise.all([import('govuk-frontend'), import('./utils/conditional-reveal.client')]).then(([govuk, choices]) => {
      if (cancelled) return;
      // Components already set up on an earlier visit refuse a second set-up quietly.
      const quiet = { scope: document.body, onError: () => {} };
      for (const Component of [govuk.ErrorSummary, govuk.Button, govuk.SkipLink, govuk.ServiceNavigation]) {
        govuk.createAll(Component, undefined, quiet);
      }
      cleanup = choices.enhanceChoices();
    });
    return () => {
      cancelled = true;
      cleanup();
    };
  }, [location.key]);

  return (
    <html lang={lang} dir={dir} className="govuk-template govuk-template--rebranded">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#1d70b8" />
        {/* Only the learning pages are for search engines (app/data/learning-pages.ts). */}
        {description ? <meta name="description" content={description} /> : null}
        <meta name="robots" content={description ? 'index, follow' : 'noindex'} />
        <title>{title}</title>
        <Links />
      </head>
      <body className="govuk-template__body">
        <script dangerouslySetInnerHTML={{ __html: JS_ENABLED }} />
        <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
          {t('layout:skipLink')}
        </a>
        <header className="govuk-service-navigation app-header" data-module="govuk-service-navigation">
          <div className="govuk-width-container">
            <div className="govuk-service-navigation__container">
              <span className="govuk-service-navigation__service-name">
                <Link to="/" className="govuk-service-navigation__link">
                  {t('layout:serviceName')}
                </Link>
              </span>
              {staffArea ? (
                <span className="govuk-service-navigation__text app-staff-label">Staff workspace</span>
              ) : (
                <nav aria-label={t('layout:menu')} className="govuk-service-navigation__wrapper">
                  <ul className="govuk-service-navigation__list" id="navigation">
                    <NavItem to="/what-is-restorative-justice" current={location.pathname}>
                      {t('layout:nav.what')}
                    </NavItem>
                    <NavItem to="/refer" current={location.pathname}>
                      {t('layout:nav.refer')}
                    </NavItem>
                    <NavItem to="/check-your-referral" current={location.pathname}>
                      {t('layout:nav.check')}
                    </NavItem>
                  </ul>
                </nav>
              )}
            </div>
            {staffArea ? null : <LanguageLinks path={location.pathname} />}
          </div>
          {staffArea ? null : <TranslationNote />}
        </header>
        <div className="govuk-width-container">
          {showExit ? <ExitThisPage /> : null}
          {staffArea ? <StaffNav /> : null}
          <main className="govuk-main-wrapper" id="main-content" {...contentLanguage(lang, namespace?.namespace)}>
            {children}
          </main>
        </div>
        <footer className="govuk-footer">
          <div className="govuk-width-container">
            <div className="govuk-footer__meta">
              <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
                <h2 className="govuk-visually-hidden">{t('layout:footer.supportLinks')}</h2>
                <ul className="govuk-footer__inline-list">
                  {[
                    ['/leave-this-site-quickly', t('layout:footer.leave')],
                    ['/privacy', t('layout:footer.privacy')],
                    ['/accessibility', t('layout:footer.accessibility')],
                    ['/contact', t('layout:footer.contact')],
                    ['/complaint', t('layout:footer.complaint')],
                    ['/you-said-we-did', t('layout:footer.youSaid')],
                    ['/professionals', t('layout:footer.professionals')],
                  ].map(([to, text]) => (
                    <li key={to} className="govuk-footer__inline-list-item">
                      <Link className="govuk-footer__link" to={to!}>
                        {text}
                      </Link>
                    </li>
                  ))}
                </ul>
                <p className="govuk-body-s">
                  {t('layout:footer.about')} {t('layout:footer.phone')} <bdi>{data?.servicePhone ?? ''}</bdi>
                </p>
              </div>
            </div>
          </div>
        </footer>
        {clientRuntime ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : (
          <script type="module" src={publicPageJs} />
        )}
      </body>
    </html>
  );
}

/** For <main>: English, marked so, where the page's words are not yet in the visitor's language. */
function contentLanguage(lang: Lang, namespace: Namespace | undefined) {
  const translated = lang === 'en' || (namespace !== undefined && (LANGUAGES[lang].complete as readonly string[]).includes(namespace));
  return translated ? {} : { lang: 'en', dir: 'ltr' as const };
}

function NavItem({ to, current, children }: { to: string; current: string; children: ReactNode }) {
  const active = current === to || current.startsWith(`${to}/`);
  return (
    <li className={`govuk-service-navigation__item${active ? ' govuk-service-navigation__item--active' : ''}`}>
      <Link className="govuk-service-navigation__link" to={to} aria-current={active ? 'page' : undefined}>
        {active ? <strong className="govuk-service-navigation__active-fallback">{children}</strong> : children}
      </Link>
    </li>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status === 404) {
    return (
      <>
        <h1 className="govuk-heading-l">Page not found</h1>
        <p className="govuk-body">If you typed the web address, check it is correct.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/">
            Go to the start
          </Link>
        </p>
      </>
    );
  }
  if (status === 409 && isRouteErrorResponse(error) && typeof error.data === 'string') {
    // A change the record no longer allows (a closed case): the model says why.
    return (
      <>
        <h1 className="govuk-heading-l">Sorry, we could not do that</h1>
        <p className="govuk-body">{error.data}</p>
        <p className="govuk-body">Go back and reload the page to see the record as it is now.</p>
      </>
    );
  }
  if (status < 500) {
    return (
      <>
        <h1 className="govuk-heading-l">Sorry, we could not do that</h1>
        <p className="govuk-body">Go back and try again.</p>
      </>
    );
  }
  return (
    <>
      <h1 className="govuk-heading-l">Sorry, there is a problem with the service</h1>
      <p className="govuk-body">Try again later. What you told us has not been lost.</p>
    </>
  );
}
