import { data } from '@remix-run/node';

/** A positive whole-number id from the URL, or a 404. */
export function idParam(value: string | undefined): number {
  const id = Number(value);
  if (!value || !/^\d{1,15}$/.test(value) || !Number.isSafeInteger(id) || id <= 0) throw data('Not found', { status: 404 });
  return id;
}
