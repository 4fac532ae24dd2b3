// Choosing a language (issue 27, decision 025): the header offers every other language by
// its own name; a choice holds for the browser session and keeps the person on the page;
// a first visit follows Accept-Language; <html lang> and dir follow; exit removes the choice.
// Staff pages stay English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, textOf, Visitor, type TestServer } from '../setup/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

const htmlTag = (html: string) => /<html[^>]*>/.exec(html)![0];

describe('languages', () => {
  it('the header links to each other language, by its own name, back to the same page', async () => {
    const page = await new Visitor(server.url).get('/questions');
    expect(htmlTag(page.html)).toContain('lang="en"');
    expect(htmlTag(page.html)).toContain('dir="ltr"');
    for (const name of ['Cymraeg', 'اردو', 'Polski']) expect(page.html).toContain(`>${name}</a>`);
    expect(page.html).toMatch(/<a class="govuk-link" href="\/language\?to=cy&amp;back=%2Fquestions" lang="cy" hreflang="cy" dir="ltr">Cymraeg<\/a>/i);
    expect(page.html).toMatch(/<a class="govuk-link" href="\/language\?to=ur&amp;back=%2Fquestions" lang="ur" hreflang="ur" dir="rtl">اردو<\/a>/i);
    // A learning page is rendered once at start and served from memory: in each language too.
    const v = new Visitor(server.url);
    const welsh = await v.get('/language?to=cy&back=%2Fquestions');
    expect(welsh.url).toBe('/questions');
    expect(htmlTag(welsh.html)).toContain('lang="cy"');
    expect(textOf(welsh.html)).toContain('Neidio i’r prif gynnwys');
    expect(textOf(welsh.html)).toContain('Gwasanaeth Cyfiawnder Adferol');
    // A draft translation says so, in that language.
    expect(textOf(welsh.html)).toContain('Nid yw cyfieithydd cymwys wedi gwirio’r cyfieithiad hwn eto');
    // The choice is the language's two letters, for this browser session only.
    const cookie = (await fetch(`${server.url}/language?to=pl&back=/`, { redirect: 'manual' })).headers.get('set-cookie')!;
    expect(cookie).toMatch(/^rj_lang=pl; Path=\/; HttpOnly; SameSite=Lax/);
    expect(cookie).not.toMatch(/max-age|expires/i);
  });

  it('Urdu pages run right to left; a first visit follows Accept-Language', async () => {
    const urdu = await new Visitor(server.url, { 'Accept-Language': 'ur-PK, en;q=0.5' }).get('/refer');
    expect(htmlTag(urdu.html)).toContain('lang="ur"');
    expect(htmlTag(urdu.html)).toContain('dir="rtl"');
    expect(textOf(urdu.html)).toContain('اس صفحے سے نکلیں');
    // The page's own words are not in Urdu yet: they are marked English, left to right, inside the Urdu frame.
    expect(urdu.html).toContain('<main class="govuk-main-wrapper" id="main-content" lang="en" dir="ltr">');
    expect((await new Visitor(server.url).get('/refer')).html).toContain('<main class="govuk-main-wrapper" id="main-content">');
    const welshFirst = await new Visitor(server.url, { 'Accept-Language': 'fr;q=0.9, cy;q=0.8, en;q=0.1' }).get('/');
    expect(htmlTag(welshFirst.html)).toContain('lang="cy"');
    // A choice outweighs the browser's languages.
    const chosen = new Visitor(server.url, { 'Accept-Language': 'cy' });
    await chosen.get('/language?to=en&back=/');
    expect(htmlTag((await chosen.get('/')).html)).toContain('lang="en"');
  });

  it('a translated page is in the language throughout: its title, its words, its <main>', async () => {
    for (const [lang, heading, title] of [
      [
        'cy',
        'Sut i adael y wefan hon yn gyflym a chuddio eich olion',
        'Sut i adael y wefan hon yn gyflym a chuddio eich olion – Gwasanaeth Cyfiawnder Adferol',
      ],
      ['pl', 'Jak szybko opuścić tę stronę i zatrzeć ślady', 'Jak szybko opuścić tę stronę i zatrzeć ślady – Usługa Sprawiedliwości Naprawczej'],
      ['ur', 'اس سائٹ کو جلدی کیسے چھوڑیں اور اپنے نشانات کیسے مٹائیں', 'اس سائٹ کو جلدی کیسے چھوڑیں اور اپنے نشانات کیسے مٹائیں – بحالی انصاف کی سروس'],
    ]) {
      const v = new Visitor(server.url);
      const page = await v.get(`/language?to=${lang}&back=/leave-this-site-quickly`);
      expect(page.url).toBe('/leave-this-site-quickly');
      expect(/<h1[^>]*>([^<]*)<\/h1>/.exec(page.html)?.[1]).toBe(heading);
      expect(/<title>([^<]*)<\/title>/.exec(page.html)?.[1]).toBe(title);
      expect(page.html).toContain('<main class="govuk-main-wrapper" id="main-content">');
      expect(textOf(page.html)).not.toContain('Cover your tracks');
    }
  });

  it('goes back only to a page of this site, and takes no unknown language', async () => {
    for (const back of ['//evil.example/x', 'https://evil.example', '/\\evil.example', '/questions?ref=RJ-ABCD-EFGH'])
      expect((await fetch(`${server.url}/language?to=cy&back=${encodeURIComponent(back)}`, { redirect: 'manual' })).headers.get('location')).toMatch(
        /^\/(questions)?$/,
      );
    const unknown = await fetch(`${server.url}/language?to=xx&back=/`, { redirect: 'manual' });
    expect(unknown.headers.get('set-cookie')).toBeNull();
  });

  it('exit removes the choice; staff pages stay English', async () => {
    const v = new Visitor(server.url);
    await v.get('/language?to=cy&back=/');
    const exit = await fetch(`${server.url}/exit`, { redirect: 'manual', headers: { Cookie: v.cookieHeader(), 'Sec-Fetch-Site': 'same-origin' } });
    expect(exit.headers.getSetCookie().some((c) => /^rj_lang=; .*Max-Age=0/.test(c))).toBe(true);
    const staff = await v.get('/staff/sign-in');
    expect(htmlTag(staff.html)).toContain('lang="en"');
    expect(staff.html).not.toContain('/language?to=');
  });
});
