// The public newsroom and figures pages over real HTTP: the seed's releases with their numbers, dateline and contact,
// the figures page with chart, table and CSV, and markup that editors cannot inject.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '#shared/testing/pdf-text.js';
import { createTestContext, type TestContext } from '../../testing/app.js';

let ctx: TestContext;
const base = '/t/neue-wege';

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-03-10T09:00:00Z' });
});
afterAll(async () => ctx?.close());

describe('newsroom', () => {
  it('offers a release as PDF in a Unicode font, with its title set; an unknown number is 404', async () => {
    const page = await ctx.app.inject({ url: `${base}/presse/2020-530` });
    expect(page.body).toContain(`href="${base}/presse/2020-530/pdf"`);
    const res = await ctx.app.inject({ url: `${base}/presse/2020-530/pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { PDFDocument } = await import('pdf-lib');
    const pdf = await PDFDocument.load(res.rawPayload);
    expect(pdf.getTitle()).toBe('Neue Perspektiven für Langzeitarbeitslose');
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(pdfText(res.rawPayload)).toContain('Lfd. Nr. 530 / 2020');
    expect(res.rawPayload.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Regular/);
    expect((await ctx.app.inject({ url: `${base}/presse/2020-9999/pdf` })).statusCode).toBe(404);
  });

  it('lists the releases newest first with number and date', async () => {
    const res = await ctx.app.inject({ url: `${base}/presse` });
    expect(res.statusCode).toBe(200);
    const first = res.body.indexOf('Auf dem Weg in die Zukunft');
    const second = res.body.indexOf('Neue Perspektiven für Langzeitarbeitslose');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(res.body).toContain('Lfd. Nr. 530 / 2020');
    expect(res.body).toContain('2. Dezember 2020');
  });

  it('writes the release dates in English in British order', async () => {
    const res = await ctx.app.inject({ url: `${base}/presse?lang=en` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('2 December 2020');
    expect(res.body).not.toContain('December 2, 2020');
  });

  it('numbers the releases in English on the English pages, in German on the German ones', async () => {
    const list = await ctx.app.inject({ url: `${base}/presse?lang=en` });
    expect(list.body).toContain('No. 530 / 2020');
    expect(list.body).not.toContain('Lfd. Nr.');
    const release = await ctx.app.inject({ url: `${base}/presse/2020-530?lang=en` });
    expect(release.body).toContain('No. 530 / 2020');
    expect((await ctx.app.inject({ url: `${base}/presse/2020-530` })).body).toContain('Lfd. Nr. 530 / 2020');
  });

  it('searches, filters by category and year, and says when nothing matched', async () => {
    const search = await ctx.app.inject({ url: `${base}/presse?q=Prüfungsangst` });
    expect(search.body).toContain('Neue Perspektiven');
    expect(search.body).not.toContain('Auf dem Weg in die Zukunft</a>');
    const category = await ctx.app.inject({ url: `${base}/presse?kategorie=Digitalisierung` });
    expect(category.body).toContain('Auf dem Weg in die Zukunft</a>');
    expect(category.body).not.toContain('Neue Perspektiven für Langzeitarbeitslose</a>');
    const none = await ctx.app.inject({ url: `${base}/presse?jahr=2019` });
    expect(none.body).toContain('Keine Pressemitteilungen gefunden.');
    const bad = await ctx.app.inject({ url: `${base}/presse?jahr=abc` });
    expect(bad.statusCode).toBe(422);
  });

  it('shows a release with number, dateline, body, contact and NewsArticle microdata', async () => {
    const res = await ctx.app.inject({ url: `${base}/presse/2020-530` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Lfd. Nr. 530 / 2020');
    expect(res.body).toContain('<p><strong class="pr-dateline">Kreis Bergstraße (kb).</strong> Die Arbeitslosenquote ist aktuell');
    expect(res.body).toContain('von 4,5 Prozent auf 4,1 Prozent gesunken');
    expect(res.body).toContain('Walther-Rathenau-Straße 2');
    expect(res.body).toContain('itemtype="https://schema.org/NewsArticle"');
    expect((await ctx.app.inject({ url: `${base}/presse/2020-999` })).statusCode).toBe(404);
    expect((await ctx.app.inject({ url: `${base}/presse/irgendwas` })).statusCode).toBe(404);
  });

  it('shows the other tenant none of these releases', async () => {
    const res = await ctx.app.inject({ url: `/t/${ctx.otherTenant.slug}/presse/2020-530` });
    expect(res.statusCode).toBe(404);
  });
});

describe('figures page', () => {
  it('states the latest month in words with the source, and lists 24 months in a table', async () => {
    const res = await ctx.app.inject({ url: `${base}/arbeitsmarkt` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Die Zahlen für November 2020');
    expect(res.body).toContain('Arbeitslosenquote Kreis Bergstraße: 4,1 Prozent');
    expect(res.body).toContain('Veränderung zum Vormonat: −0,4 Prozentpunkte.');
    expect(res.body).toContain('Südhessen: 5,0 Prozent');
    expect(res.body).toContain('Quelle: Statistik der Bundesagentur für Arbeit.');
    expect(res.body.match(/<tr class="kern-table__row"/g)?.length).toBe(25);
    expect(res.body).toContain('Fiktiver Demowert');
  });

  it('renders the chart as SVG without inline styles and offers the same values as CSV', async () => {
    const svg = await ctx.app.inject({ url: `${base}/arbeitsmarkt.svg` });
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body.startsWith('<svg')).toBe(true);
    expect(svg.body).toContain('Kreis Bergstraße');
    expect(svg.body).not.toMatch(/style=|<style/);
    const narrow = await ctx.app.inject({ url: `${base}/arbeitsmarkt.svg?groesse=schmal` });
    expect(narrow.body).toContain('Kreis Bergstraße');
    const width = (body: string) => Number(/<svg[^>]*\swidth="(\d+)/.exec(body)?.[1]);
    expect(width(narrow.body)).toBeLessThan(390);
    expect(width(svg.body)).toBeGreaterThan(600);
    expect((await ctx.app.inject({ url: `${base}/arbeitsmarkt.svg?groesse=riesig` })).statusCode).toBe(422);
    const page = await ctx.app.inject({ url: `${base}/arbeitsmarkt` });
    expect(page.body).toContain(`media="(max-width: 36em)" srcset="${base}/arbeitsmarkt.svg?groesse=schmal"`);
    const csv = await ctx.app.inject({ url: `${base}/arbeitsmarkt.csv` });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines).toHaveLength(49);
    expect(lines).toContain('"2020-11";"06431";"Kreis Bergstraße";"4,1";"";"";"";"Statistik der Bundesagentur für Arbeit"');
    expect(lines).toContain('"2020-11";"suedhessen";"Südhessen";"5,0";"";"";"";"Statistik der Bundesagentur für Arbeit"');
  });
});
