// What the catalogue checks look at (tests/lint/catalogues.test.ts): each catalogue's keys,
// with plural forms (i18next's `_one`, `_other`, …) gathered under their base key, and the
// keys the source code uses.
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every key of a catalogue as 'a.b.c', plural forms under their base key with their categories. */
export function keysOf(catalogue: Record<string, unknown>, prefix = ''): Map<string, Set<string>> {
  const keys = new Map<string, Set<string>>();
  for (const [k, v] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') {
      for (const [sub, forms] of keysOf(v as Record<string, unknown>, path)) keys.set(sub, forms);
      continue;
    }
    const plural = PLURAL.exec(path);
    const base = plural ? path.slice(0, plural.index) : path;
    const forms = keys.get(base) ?? new Set<string>();
    if (plural) forms.add(plural[1]!);
    keys.set(base, forms);
  }
  return keys;
}

/** What is wrong with `lang`'s catalogue against English's: keys missing, keys English no longer has, plural forms missing. */
export function compareCatalogues(lang: string, english: Record<string, unknown>, other: Record<string, unknown>) {
  const en = keysOf(english);
  const theirs = keysOf(other);
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  return {
    missing: [...en.keys()].filter((k) => !theirs.has(k)),
    extra: [...theirs.keys()].filter((k) => !en.has(k)),
    pluralForms: [...en].filter(([, forms]) => forms.size).flatMap(([k]) => categories.filter((c) => !theirs.get(k)?.has(c)).map((c) => `${k}_${c}`)),
  };
}

/** The catalogue keys a source text uses: t('namespace:key…') with a literal key. */
export function keysUsedIn(source: string, namespace: string): string[] {
  return [...source.matchAll(new RegExp(`\\bt\\(\\s*'${namespace}:([\\w.]+)'`, 'g'))].map((m) => m[1]!);
}
