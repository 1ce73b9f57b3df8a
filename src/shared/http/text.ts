// Text input every schema uses for strings that come from outside: trimmed, and refusing what has no business in a
// name or a note — NUL (PostgreSQL cannot store it in text and answers with an error), other control characters
// (they break logs, mails and CSV exports) and bidi controls (they make a text display differently from what it is,
// "Trojan Source"). Refused, not stripped: a silent change of what a person typed is worse than a clear message
// (doc/adr/0125-text-input.md). The message is an i18n key; the error handler names the field.
import { z } from 'zod';

/** C0 controls (without TAB, LF, CR), DEL, C1 controls. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/; // eslint-disable-line no-control-regex
/** TAB, LF and CR: refused on one line, allowed in multi-line text. */
const LINE_CONTROL = /[\t\n\r]/;
/** A lone surrogate half: not text (no UTF-8 form), and PostgreSQL refuses it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069. */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

export const CONTROL_CHARS_KEY = 'common:validation.controlChars';
export const BIDI_CHARS_KEY = 'common:validation.bidiChars';

/** Why a text is refused (an i18n key), or undefined when it is clean. */
export function unsafeTextReason(value: string, multiline = false): string | undefined {
  if (CONTROL.test(value) || (!multiline && LINE_CONTROL.test(value)) || LONE_SURROGATE.test(value)) return CONTROL_CHARS_KEY;
  if (BIDI.test(value)) return BIDI_CHARS_KEY;
  return undefined;
}

interface TextOptions {
  /** Minimum length after trimming; 1 makes the field required (message `common:validation.required`). */
  min?: number;
  max?: number;
  /** Keep leading and trailing white space (tokens, passwords). */
  trim?: boolean;
  /** i18n key when the value is missing or not a string. */
  error?: string;
}

function build(multiline: boolean, options: TextOptions) {
  let schema = options.error ? z.string({ error: options.error }) : z.string();
  if (multiline) schema = schema.overwrite((v) => v.replace(/\r\n?/g, '\n'));
  if (options.trim !== false) schema = schema.trim();
  schema = schema.check((ctx) => {
    const reason = unsafeTextReason(ctx.value, multiline);
    if (reason) ctx.issues.push({ code: 'custom', message: reason, input: ctx.value, continue: false });
  });
  if (options.min !== undefined) schema = schema.min(options.min);
  if (options.max !== undefined) schema = schema.max(options.max);
  return schema;
}

/** A single line of text: trimmed; refuses control characters (also TAB and line breaks) and bidi controls. */
export function textInput(options: TextOptions = {}) {
  return build(false, options);
}

/** Free text over several lines: like textInput, but line breaks (CRLF becomes LF) and TAB are allowed. */
export function multilineText(options: TextOptions = {}) {
  return build(true, options);
}
