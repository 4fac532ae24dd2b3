// Every email the service sends, rendered with sample data, for the staff preview page.
import { EMAIL_PREVIEWS } from '#emails/index';
import { env } from '~/utils/env.server';

export function renderEmailPreviews() {
  return EMAIL_PREVIEWS.map((p) => ({ name: p.name, who: p.who, ...p.render(env.PUBLIC_URL) }));
}
