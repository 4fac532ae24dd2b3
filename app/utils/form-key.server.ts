// One-time keys the server puts in a form, so a double submit makes one record. The key is
// signed: a client cannot choose its own (to replay, or to probe which keys were used).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { env } from './env.server';

const sign = (id: string) => createHmac('sha256', env.SESSION_SECRET).update(`form-key:${id}`).digest('base64url').slice(0, 22);

export function issueFormKey(): string {
  const id = randomBytes(16).toString('base64url');
  return `${id}.${sign(id)}`;
}

export function isIssuedFormKey(key: string): boolean {
  const m = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$/.exec(key);
  if (!m) return false;
  const expected = Buffer.from(sign(m[1]!));
  const given = Buffer.from(m[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
