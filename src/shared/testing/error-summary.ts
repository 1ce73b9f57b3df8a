// What the error summary of a rendered form lists, one string per link, as a reader sees it.

/** The texts of the error summary's links in an HTML page (empty when the page has no summary). */
export function errorSummaryEntries(html: string): string[] {
  const summary = /ww-error-summary[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
  return [...summary.matchAll(/<a[^>]*>([^<]*)<\/a>/g)].map((m) => m[1]!);
}
