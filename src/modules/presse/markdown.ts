// Release bodies are markdown in a safe subset: paragraphs, lists, links, emphasis, quotes (speaker and function in
// the quote's last line). Raw HTML is off, so nothing an editor types can inject markup or script into the page.
import MarkdownIt from 'markdown-it';
import { NARROW_CHART_MEDIA, narrowChartSrc } from '#shared/html/chart-picture.js';

const md = new MarkdownIt('zero', { html: false, linkify: true, breaks: false })
  .enable(['paragraph', 'list', 'blockquote', 'link', 'linkify', 'autolink', 'emphasis', 'newline', 'escape', 'backticks', 'entity', 'image']);

// Links leave the site in a new context without handing it our page (rel), and only http(s)/mailto are allowed.
md.validateLink = (url) => /^(https?:|mailto:)/i.test(url.trim()) || url === 'chart';

// The only image left in a body is the figures chart: phones get its narrow drawing (as on the figures page).
const plainImage = md.renderer.rules.image!;
md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const src = md.utils.escapeHtml(tokens[idx]!.attrGet('src') ?? '');
  return `<picture><source media="${NARROW_CHART_MEDIA}" srcset="${narrowChartSrc(src)}">${plainImage(tokens, idx, options, env, self)}</picture>`;
};

/**
 * Renders a body to HTML. `chartSrc` replaces the placeholder image `![…](chart)` the monthly draft embeds;
 * any other image is dropped (releases carry images as uploaded files with alt text, not as links).
 */
export function renderBody(body: string, chartSrc?: string): string {
  const env = {};
  const tokens = md.parse(body, env);
  for (const token of tokens) {
    token.children = (token.children ?? []).filter((child) => child.type !== 'image' || (child.attrGet('src') === 'chart' && chartSrc));
    for (const child of token.children) if (child.type === 'image') child.attrSet('src', chartSrc!);
  }
  return md.renderer.render(tokens, md.options, env);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The body with the dateline ("Kreis Bergstraße (kb).") leading its first paragraph, as a printed release has it. */
export function renderRelease(dateline: string, body: string, chartSrc?: string): string {
  const html = renderBody(body, chartSrc);
  const lead = `<strong class="pr-dateline">${escapeHtml(dateline)}</strong> `;
  return html.startsWith('<p>') ? `<p>${lead}${html.slice(3)}` : `<p>${lead}</p>\n${html}`;
}

/** Plain text of a body (feeds' summaries, mails, search snippets). */
export function plainText(body: string): string {
  return body
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>]/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
