// The Flesch–Kincaid grade of a page's main text, as a reading-age check: grade 5 is a
// reader of about 10. Syllables and the formula come from kept libraries; what counts as
// a sentence is ours: each paragraph, list item, heading or table cell ends one, whether
// or not it ends with a full stop (a list item is read as a unit).
import { fleschKincaid } from 'flesch-kincaid';
import { JSDOM } from 'jsdom';
import { syllable } from 'syllable';

const BLOCKS = 'p, li, h1, h2, h3, h4, dt, dd, th, td, summary, legend, label, .govuk-hint, .govuk-inset-text, .govuk-warning-text__text';

export type Readability = { grade: number; words: number; sentences: number; syllables: number };

/** The readability of the text inside <main> of a page's HTML. */
export function readabilityOfPage(html: string): Readability {
  const { document } = new JSDOM(html).window;
  const main = document.querySelector('main');
  if (!main) throw new Error('no <main> on the page');
  for (const hidden of main.querySelectorAll('.govuk-visually-hidden, script')) hidden.remove();
  // Only the innermost blocks, so no text counts twice.
  const blocks = [...main.querySelectorAll(BLOCKS)].filter((b) => !b.querySelector(BLOCKS));
  return readabilityOf(blocks.map((b) => b.textContent ?? ''));
}

export function readabilityOf(blocks: string[]): Readability {
  let sentences = 0;
  let words = 0;
  let syllables = 0;
  for (const block of blocks) {
    const parts = block.split(/[.!?]+(?=\s|$)/).filter((s) => /[A-Za-z0-9]/.test(s));
    for (const sentence of parts) {
      const ws = sentence.match(/[A-Za-z0-9£’'-]+/g) ?? [];
      if (ws.length === 0) continue;
      sentences += 1;
      words += ws.length;
      // A number or a sign is read as one word of about one syllable.
      for (const w of ws) syllables += Math.max(1, syllable(w));
    }
  }
  const grade = words === 0 ? 0 : fleschKincaid({ sentence: sentences, word: words, syllable: syllables });
  return { grade, words, sentences, syllables };
}
