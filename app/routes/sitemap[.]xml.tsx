// The learning pages, for search engines (issue 26): the only pages they may index.
import { LEARNING_PAGES } from '~/data/learning-pages';
import { env } from '~/utils/env.server';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function loader() {
  const urls = Object.keys(LEARNING_PAGES).map((path) => `  <url><loc>${escapeXml(`${env.PUBLIC_URL}${path === '/' ? '/' : path}`)}</loc></url>`);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' } });
}
