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
  try {
    return await request.formData();
  } catch {
    throw data('The form could not be read. Go back and try again.', { status: 400 });
  }
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
