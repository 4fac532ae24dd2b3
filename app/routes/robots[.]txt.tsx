// For crawlers: the learning pages are theirs; the forms and everything personal are not
// (issue 26). The sitemap lists the learning pages.
import { NOT_FOR_CRAWLERS } from '~/data/learning-pages';
import { env } from '~/utils/env.server';

export function loader() {
  const lines = ['User-agent: *', 'Allow: /', ...NOT_FOR_CRAWLERS.map((p) => `Disallow: ${p}`), `Sitemap: ${env.PUBLIC_URL}/sitemap.xml`];
  return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=3600' } });
}
