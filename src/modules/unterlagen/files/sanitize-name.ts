/** Longest display/download name we produce, counted in Unicode code points. */
export const maxNameLength = 120;

const maxExtensionLength = 10;

// Bidi embeddings, overrides and isolates: no real file name needs them, they only
// serve to make "rechnung‮fdp.exe" look like "rechnungexe.pdf".
const bidiControls = /[\u202A-\u202E\u2066-\u2069]/u;
const controlChars = /\p{Cc}/u;
const windowsReserved = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const segmenter = new Intl.Segmenter('de', { granularity: 'grapheme' });

/**
 * True for names that an honest browser never sends: path separators or traversal,
 * control characters, bidi overrides, or nothing usable at all. Such uploads are refused
 * ('name-invalid') rather than silently repaired, because they point to a crafted request.
 */
export function isSuspiciousName(name: string): boolean {
  const normalized = name.normalize('NFC');
  if (normalized.trim() === '') return true;
  if (/[/\\]/.test(normalized)) return true;
  if (controlChars.test(normalized) || bidiControls.test(normalized)) return true;
  if (/^\.+$/.test(normalized.trim())) return true;
  return false;
}

/**
 * A safe name to show to staff and to offer in Content-Disposition: the last path segment only,
 * NFC, without control/format characters or characters Windows forbids, no leading dots,
 * at most {@link maxNameLength} code points with the extension kept.
 */
export function sanitizeName(name: string, fallbackBase = 'dokument'): string {
  const lastSegment = name.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s.]+/u, '')
    // Windows drops trailing dots and spaces, so "a.pdf." would open as "a.pdf" there.
    .replace(/[\s.]+$/u, '');

  const { base, extension } = splitExtension(cleaned);
  let safeBase = base.trim();
  if (safeBase === '') safeBase = fallbackBase;
  if (windowsReserved.test(safeBase)) safeBase = `_${safeBase}`;

  const budget = maxNameLength - codePointLength(extension);
  return truncateGraphemes(safeBase, budget).trimEnd() + extension;
}

/** The lower-case extension without dot, or '' — taken from the sanitized name. */
export function extensionOf(safeName: string): string {
  return splitExtension(safeName).extension.slice(1).toLowerCase();
}

function splitExtension(name: string): { base: string; extension: string } {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return { base: name, extension: '' };
  const extension = name.slice(dot);
  if (!/^\.[\p{L}\p{N}]+$/u.test(extension) || codePointLength(extension) > maxExtensionLength + 1) {
    return { base: name, extension: '' };
  }
  return { base: name.slice(0, dot), extension };
}

function codePointLength(text: string): number {
  return [...text].length;
}

// Cut at grapheme boundaries so an emoji or a letter with combining accent is never split.
function truncateGraphemes(text: string, maxCodePoints: number): string {
  let result = '';
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const length = codePointLength(segment);
    if (used + length > maxCodePoints) break;
    result += segment;
    used += length;
  }
  return result;
}
