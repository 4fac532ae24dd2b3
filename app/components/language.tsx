// Choosing a language (decision 025): a link to each other language in the header of every
// public and participant page, in that language's own name. Plain links to /language,
// which keeps the choice for the browser session and comes back to the same page: no
// JavaScript needed. And, on a page in a language whose translation is a draft, a line in
// that language saying so.
import { useI18n } from '~/i18n/context';
import { LANGS, LANGUAGES } from '~/i18n/languages';

export function LanguageLinks({ path }: { path: string }) {
  const { lang, t } = useI18n();
  return (
    <nav aria-label={t('layout:language.label')} className="app-languages">
      <ul className="app-languages__list">
        {LANGS.filter((l) => l !== lang).map((l) => (
          <li key={l}>
            <a className="govuk-link" href={`/language?to=${l}&back=${encodeURIComponent(path)}`} lang={l} hrefLang={l} dir={LANGUAGES[l].dir}>
              {LANGUAGES[l].name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function TranslationNote() {
  const { lang, t } = useI18n();
  if (LANGUAGES[lang].reviewed) return null;
  return (
    <div className="govuk-width-container">
      <p className="govuk-body-s app-translation-note">{t('layout:language.unreviewed')}</p>
    </div>
  );
}
