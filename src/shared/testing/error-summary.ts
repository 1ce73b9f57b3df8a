// What the error summary and the fields' messages of a rendered form say, as a reader sees them.

/** The links of the error summary in an HTML page as [href, text] (empty when the page has no summary). */
export function errorSummaryLinks(html: string): [string, string][] {
  const summary = /ww-error-summary[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
  return [...summary.matchAll(/<a[^>]*href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => [m[1]!, m[2]!]);
}

/** The texts of the error summary's links in an HTML page (empty when the page has no summary). */
export function errorSummaryEntries(html: string): string[] {
  return errorSummaryLinks(html).map(([, text]) => text);
}

/** The messages beside the fields, in the page's order, as [id, text]. */
export function fieldMessages(html: string): [string, string][] {
  return [...html.matchAll(/<p class="kern-error" id="([^"]*)">[\s\S]*?<span>([^<]*)<\/span><\/p>/g)].map((m) => [m[1]!, m[2]!]);
}
