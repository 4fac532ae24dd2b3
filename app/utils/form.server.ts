import { data } from '@remix-run/node';

/**
 * Reads a submitted form. A body that is not a form (wrong content type, broken
 * encoding) is the sender's mistake: 400, not 500.
 */
export async function readForm(request: Request): Promise<FormData> {
  const type = request.headers.get('Content-Type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) {
    throw data('Send the form from the page.', { status: 415 });
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw data('The form could not be read. Go back and try again.', { status: 400 });
  }
  if (!isPlainForm(form)) throw data('The form could not be read. Go back and try again.', { status: 400 });
  return form;
}

/** Our forms use plain field names (checkbox groups repeat a name); none uses `a[0]` or `a.b`. */
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
export const MAX_FIELD_NAMES = 100;
export const MAX_FIELD_ENTRIES = 500;

/**
 * Checks a form's shape before anything turns it into objects: conform reads `a[30000000]`
 * as an array of 30 million and `a.a.a…` as deep nesting, so a name with brackets or dots,
 * or more fields than any of our forms has, is refused as it stands (400), in one pass.
 */
export function isPlainForm(form: FormData): boolean {
  const names = new Set<string>();
  let entries = 0;
  for (const name of form.keys()) {
    if (++entries > MAX_FIELD_ENTRIES || !FIELD_NAME.test(name)) return false;
    names.add(name);
    if (names.size > MAX_FIELD_NAMES) return false;
  }
  return true;
}

type ReplyOptions = { hideFields?: string[]; formErrors?: string[]; fieldErrors?: Record<string, string[]> };
type Replyable = { payload: Record<string, unknown>; reply: (options?: ReplyOptions) => unknown };

/**
 * The reply for a form that failed its checks. Values far over any field's limit are not
 * echoed back: a 1 MB answer gets its message, not a 2 MB page.
 */
export function replyWithErrors<S extends Replyable>(submission: S, options: ReplyOptions = {}): ReturnType<S['reply']> {
  const tooLong = Object.entries(submission.payload)
    .filter(([, v]) => (typeof v === 'string' ? v.length : JSON.stringify(v ?? '').length) > 5000)
    .map(([k]) => k);
  return submission.reply({ ...options, hideFields: [...(options.hideFields ?? []), ...tooLong] }) as ReturnType<S['reply']>;
}
