// Learning pages can be found; nothing personal can (issue 26): the learning pages are
// indexable, each with a description, and listed in the sitemap; forms and personal pages
// stay noindex and robots.txt keeps crawlers out of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEARNING_PAGES } from '~/data/learning-pages';
import { startServer, Visitor, type TestServer } from '../setup/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

const robotsOf = (html: string) => /<meta name="robots" content="([^"]+)"/.exec(html)?.[1];
const descriptionOf = (html: string) => /<meta name="description" content="([^"]+)"/.exec(html)?.[1];

describe('search engines', () => {
  it('may index the learning pages, each described, all in the sitemap', async () => {
    const v = new Visitor(server.url);
    const sitemap = await v.get('/sitemap.xml');
    expect(sitemap.status).toBe(200);
    expect(sitemap.headers.get('content-type')).toContain('application/xml');
    for (const path of Object.keys(LEARNING_PAGES)) {
      const page = await v.get(path);
      expect(robotsOf(page.html), path).toBe('index, follow');
      expect(descriptionOf(page.html)?.length, path).toBeGreaterThan(50);
      expect(sitemap.html, path).toContain(`${path === '/' ? '/' : path}</loc>`);
    }
  });

  it('may not index forms or anything personal, and robots.txt keeps them out', async () => {
    const v = new Visitor(server.url);
    for (const path of ['/refer/who', '/check-your-referral', '/letters', '/staff/sign-in', '/complaint', '/privacy']) {
      const page = await v.get(path);
      expect(robotsOf(page.html), path).toBe('noindex');
      expect(descriptionOf(page.html), path).toBeUndefined();
    }
    const robots = await v.get('/robots.txt');
    expect(robots.status).toBe(200);
    expect(robots.headers.get('content-type')).toContain('text/plain');
    for (const path of ['/refer', '/check-your-referral', '/letters', '/staff']) expect(robots.html).toContain(`Disallow: ${path}\n`);
    expect(robots.html).toMatch(/^Sitemap: https?:\/\/.+\/sitemap\.xml$/m);
  });
});
