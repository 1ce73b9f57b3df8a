// The error summary lists every error, also several of one field (each refused file of an upload), each linking
// to its field, in the form's order.
import { options, type VNode } from 'preact';
import { describe, expect, it } from 'vitest';
import type { FieldError } from '../http/errors.js';
import { fixedT } from '../i18n/index.js';
import { errorSummaryEntries } from '../testing/error-summary.js';
import { ErrorSummary } from './form-errors.js';
import { renderPage } from './render.js';

const render = (errors: FieldError[], order?: readonly string[]) =>
  renderPage({ lang: 'de', dir: 'ltr', t: fixedT('de'), languages: ['de', 'en'], path: '/' }, <ErrorSummary errors={errors} order={order} />);

/** The keys of the list items created while rendering (preact's hook on every element). */
function listItemKeys(draw: () => unknown): unknown[] {
  const keys: unknown[] = [];
  const previous = options.vnode;
  options.vnode = (vnode: VNode) => {
    if (vnode.type === 'li') keys.push(vnode.key);
    previous?.(vnode);
  };
  try {
    draw();
  } finally {
    options.vnode = previous;
  }
  return keys;
}

// Two files refused for the same reason: same field, same message key, different file names.
const errors: FieldError[] = [
  { field: 'file', message: 'unterlagen:refused.empty', params: { name: 'seite-1.pdf' } },
  { field: 'file', message: 'unterlagen:refused.empty', params: { name: 'seite-2.pdf' } },
  { field: 'lastName', message: 'unterlagen:errors.lastNameRequired' },
];

describe('ErrorSummary', () => {
  it('lists two errors of one field, both linking to the field, in the order of the form', () => {
    const html = render(errors, ['lastName', 'file']);
    expect(errorSummaryEntries(html)).toEqual([
      'Bitte geben Sie Ihren Nachnamen ein.',
      '„seite-1.pdf“ ist leer. Bitte wählen Sie die richtige Datei aus.',
      '„seite-2.pdf“ ist leer. Bitte wählen Sie die richtige Datei aus.',
    ]);
    expect([...html.matchAll(/<li><a class="kern-link" href="([^"]+)"/g)].map((m) => m[1])).toEqual(['#f-lastName', '#f-file', '#f-file']);
  });

  it('gives each entry its own key, so a list that is diffed keeps both errors of one field', () => {
    const keys = listItemKeys(() => render(errors));
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(3);
  });
});
