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
