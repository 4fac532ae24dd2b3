// The translation catalogues stay whole (issue 27, decision 025): a language that says a
// namespace is complete has every key of English, with every plural form its language
// needs; no language keeps a key English has dropped; every English key is used somewhere
// in app/. Each rule is also shown to fail on a planted defect.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareCatalogues, keysOf, keysUsedIn } from '~/i18n/catalogues';
import { LANGS, LANGUAGES, NAMESPACES } from '~/i18n/languages';

const catalogue = (lang: string, ns: string) => JSON.parse(readFileSync(`app/i18n/locales/${lang}/${ns}.json`, 'utf8')) as Record<string, unknown>;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !/\.test\./.test(e.name) ? [join(dir, e.name)] : [],
  );
}
const appSource = sources('app')
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

describe('translation catalogues', () => {
  for (const lang of LANGS.filter((l) => l !== 'en')) {
    for (const ns of NAMESPACES) {
      it(`${lang}/${ns}: ${(LANGUAGES[lang].complete as readonly string[]).includes(ns) ? 'complete' : 'a draft'}, and nothing English has dropped`, () => {
        const found = compareCatalogues(lang, catalogue('en', ns), catalogue(lang, ns));
        expect(found.extra).toEqual([]);
        if ((LANGUAGES[lang].complete as readonly string[]).includes(ns)) {
          expect(found.missing).toEqual([]);
          expect(found.pluralForms).toEqual([]);
        }
      });
    }
  }

  it.each(NAMESPACES)('every English key of %s is used in app/', (ns) => {
    const used = new Set(keysUsedIn(appSource, ns));
    expect([...keysOf(catalogue('en', ns)).keys()].filter((k) => !used.has(k))).toEqual([]);
  });

  it('fails on planted defects: a missing key, a dropped key, a missing Welsh plural form, an unused key', () => {
    const english = { a: 'A', items_one: 'one item', items_other: '{{count}} items' };
    const welsh = { b: 'B', items_one: 'un eitem', items_other: '{{count}} eitem' };
    const found = compareCatalogues('cy', english, welsh);
    expect(found.missing).toEqual(['a']);
    expect(found.extra).toEqual(['b']);
    // Welsh has six plural forms: zero, one, two, few, many, other.
    expect(found.pluralForms.sort()).toEqual(['items_few', 'items_many', 'items_two', 'items_zero']);
    expect(keysUsedIn("t('layout:nav.what'); t('layout:footer.phone', { x })", 'layout')).toEqual(['nav.what', 'footer.phone']);
    expect([...keysOf({ nav: { what: 'x', gone: 'y' } }).keys()].filter((k) => !['nav.what'].includes(k))).toEqual(['nav.gone']);
  });
});
