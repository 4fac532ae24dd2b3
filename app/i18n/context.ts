// What a page renders its words with: the visitor's language, its direction, and `t`, which
// looks a key up in the catalogue ('layout:nav.what'). The server provides it for every
// request (entry.server.tsx, from i18n.server.ts). Staff pages also run React in the
// browser. They are English only, so there the default below looks up the layout's English
// directly, and the words match what the server rendered.
import { createContext, useContext } from 'react';
import type { Lang } from './languages';
import layoutEn from './locales/en/layout.json';

export type Translate = (key: string, options?: Record<string, unknown>) => string;
export type I18n = { lang: Lang; dir: 'ltr' | 'rtl'; t: Translate };

function englishLayout(key: string): string {
  const [ns, path] = key.includes(':') ? (key.split(':', 2) as [string, string]) : ['layout', key];
  const found = ns === 'layout' ? path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], layoutEn) : undefined;
  return typeof found === 'string' ? found : key;
}

export const I18nContext = createContext<I18n>({ lang: 'en', dir: 'ltr', t: englishLayout });

export const useI18n = () => useContext(I18nContext);
