import { describe, expect, it } from 'vitest';
import {
  generatePassphrase,
  generateReference,
  hashSecret,
  normalisePassphrase,
  normaliseReference,
  PASSPHRASE_ENTROPY_BITS,
  PASSPHRASE_WORDS,
  REFERENCE_ALPHABET,
  REFERENCE_PATTERN,
  verifySecret,
} from './passphrase.server';

describe('passphrases', () => {
  it('carries at least 77 bits of entropy from a large list of distinct words', () => {
    expect(new Set(PASSPHRASE_WORDS).size).toBe(PASSPHRASE_WORDS.length);
    expect(PASSPHRASE_WORDS.length).toBeGreaterThanOrEqual(2048);
    expect(PASSPHRASE_ENTROPY_BITS).toBeGreaterThanOrEqual(77);
  });

  it('is made of words from the list, chosen at random', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = generatePassphrase();
      const words = p.split(' ');
      expect(words.length * Math.log2(PASSPHRASE_WORDS.length)).toBeGreaterThanOrEqual(77);
      for (const w of words) expect(PASSPHRASE_WORDS).toContain(w);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });

  it('words are short and plain: lower-case letters only', () => {
    for (const w of PASSPHRASE_WORDS) expect(w).toMatch(/^[a-z]{3,8}$/);
  });

  it('tolerates case, extra spaces and punctuation when typed back', () => {
    expect(normalisePassphrase('  Ocean-GARDEN,  window\tsilver ')).toBe('ocean garden window silver');
  });

  it('is stored as argon2id and verifies only the right phrase', async () => {
    const hash = await hashSecret('ocean garden window');
    expect(hash).toMatch(/^\$argon2id\$v=19\$/);
    expect(hash).toMatch(/m=38912/);
    expect(hash).toMatch(/t=2/);
    expect(await verifySecret(hash, 'ocean garden window')).toBe(true);
    expect(await verifySecret(hash, 'ocean garden windows')).toBe(false);
    expect(await verifySecret('not a hash', 'x')).toBe(false);
  });
});

describe('references', () => {
  it('look like RJ-XXXX-XXXX with no easily confused characters', () => {
    for (let i = 0; i < 500; i++) expect(generateReference()).toMatch(REFERENCE_PATTERN);
    for (const c of '01ILOU') expect(REFERENCE_ALPHABET).not.toContain(c);
  });

  it('are random, not sequential', () => {
    const refs = Array.from({ length: 1000 }, generateReference);
    expect(new Set(refs).size).toBe(1000);
    const sorted = [...refs].sort();
    expect(refs).not.toEqual(sorted);
  });

  it('are read back however they are typed', () => {
    expect(normaliseReference('rj 7k4m q2xp')).toBe('RJ-7K4M-Q2XP');
    expect(normaliseReference('RJ-7K4M-Q2XP')).toBe('RJ-7K4M-Q2XP');
    expect(normaliseReference('7k4mq2xp')).toBe('RJ-7K4M-Q2XP');
    expect(normaliseReference('short')).toBe('SHORT');
  });
});
