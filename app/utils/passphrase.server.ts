// References and passphrases for people who refer themselves.
import { randomInt } from 'node:crypto';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import argon2 from 'argon2';
import { data } from '@remix-run/node';
import { BusyError, createLimiter } from './limit.server';

// Crockford-style alphabet without characters that are easy to confuse (0/O, 1/I/L, U).
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const REFERENCE_PATTERN = /^RJ-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/;

export function generateReference(): string {
  const pick = () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  const block = () => Array.from({ length: 4 }, pick).join('');
  return `RJ-${block()}-${block()}`;
}

/** Upper-cases, drops spaces and restores the dashes, so "rj abcd efgh" still matches. */
export function normaliseReference(input: string): string {
  const bare = input
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/^RJ/, '');
  if (bare.length !== 8) return input.trim().toUpperCase();
  return `RJ-${bare.slice(0, 4)}-${bare.slice(4)}`;
}

// BIP-39's English list: 2,048 common words, no two sharing their first four letters.
export const PASSPHRASE_WORDS: readonly string[] = wordlist;
export const PASSPHRASE_WORD_COUNT = 7;
export const PASSPHRASE_ENTROPY_BITS = PASSPHRASE_WORD_COUNT * Math.log2(PASSPHRASE_WORDS.length);

export function generatePassphrase(): string {
  return Array.from({ length: PASSPHRASE_WORD_COUNT }, () => PASSPHRASE_WORDS[randomInt(PASSPHRASE_WORDS.length)]).join(' ');
}

/** Lower-cases and folds any run of spaces, dashes or punctuation into one space. */
export function normalisePassphrase(input: string): string {
  return input
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean)
    .join(' ');
}

// OWASP's current advice for argon2id: m=19 MiB, t=2, p=1 at the least. We use more memory.
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456 * 2, timeCost: 2, parallelism: 1 } as const;

// Each argon2 computation holds ~38 MiB and one core; at most 2 run at once (the machines
// here have 2 cores: more would only add memory) and 32 wait (about 2 seconds' work). Past
// that the request is answered 503 at once, not queued. Storm: 292 MB peak with 2 running,
// 369 MB with 4 (npm run bench).
export const ARGON2_RUNNING = 2;
export const ARGON2_WAITING = 32;
const argon2Slots = createLimiter(ARGON2_RUNNING, ARGON2_WAITING);

const busy = () => data('The service is very busy. Wait a minute, then try again.', { status: 503, headers: { 'Retry-After': '30' } });

async function inSlot<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await argon2Slots(fn);
  } catch (error) {
    if (error instanceof BusyError) throw busy();
    throw error;
  }
}

export function hashSecret(secret: string): Promise<string> {
  return inSlot(() => argon2.hash(secret, ARGON2_OPTIONS));
}

export async function verifySecret(hash: string, secret: string): Promise<boolean> {
  return inSlot(async () => {
    try {
      return await argon2.verify(hash, secret);
    } catch {
      return false; // a malformed hash never verifies
    }
  });
}

// A fixed hash to verify against when the reference is unknown, so a wrong reference
// takes as long as a wrong passphrase and the timing does not tell them apart.
let decoyHash: Promise<string> | undefined;
export function getDecoyHash(): Promise<string> {
  decoyHash ??= hashSecret('decoy passphrase that is never issued').catch((error: unknown) => {
    decoyHash = undefined; // a busy moment must not break every later sign-in
    throw error;
  });
  return decoyHash;
}
