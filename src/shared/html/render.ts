// Server-side rendering of preact pages to escaped HTML.
import { h, type ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { ViewContextValue, type ViewContext } from './context.js';

/** Renders a full page; preact escapes every text and attribute value. */
export function renderPage(context: ViewContext, page: ComponentChildren): string {
  return `<!doctype html>${renderToString(h(ViewContextValue.Provider, { value: context }, page))}`;
}
