// The text of a PDF as a reader copies or searches it: each shown string decoded through its font's ToUnicode map.
// Enough for the files pdfkit writes (one object per `n 0 obj`, Flate streams, hex-encoded strings of embedded
// fonts); a test can then assert the names it printed, not only that the bytes start with %PDF.
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream?: string;
}

function objects(pdf: Buffer): Map<string, PdfObject> {
  const text = pdf.toString('latin1');
  const result = new Map<string, PdfObject>();
  for (const match of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = match[2]!;
    const at = body.indexOf('stream');
    if (at < 0) {
      result.set(match[1]!, { dict: body });
      continue;
    }
    const dict = body.slice(0, at);
    const start = body[at + 6] === '\r' ? at + 8 : at + 7;
    const raw = Buffer.from(body.slice(start, body.lastIndexOf('endstream')), 'latin1');
    const data = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
    result.set(match[1]!, { dict, stream: data.toString('latin1') });
  }
  return result;
}

/** glyph code (hex) → text, from a ToUnicode CMap's bfchar and bfrange entries. */
function unicodeMap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const hexText = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, text] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(code!.toLowerCase(), hexText(text!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, from, to, list] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
      const targets = [...list!.matchAll(/<([0-9a-fA-F]+)>/g)].map((m) => hexText(m[1]!));
      for (let code = parseInt(from!, 16), i = 0; code <= parseInt(to!, 16); code++, i++) {
        map.set(code.toString(16).padStart(from!.length, '0'), targets[i] ?? '');
      }
    }
  }
  return map;
}

const ref = (dict: string, key: string) => new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict)?.[1];

/** The PDF's text, one line per text-showing operator, page after page. */
export function pdfText(pdf: Buffer): string {
  const all = objects(pdf);
  const lines: string[] = [];
  for (const page of [...all.values()].filter((o) => /\/Type\s*\/Page\b/.test(o.dict))) {
    const resources = all.get(ref(page.dict, 'Resources') ?? '')?.dict ?? page.dict;
    const fonts = new Map<string, Map<string, string> | undefined>();
    for (const [, name, id] of (/\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '').matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
      const cmap = all.get(ref(all.get(id!)?.dict ?? '', 'ToUnicode') ?? '')?.stream;
      fonts.set(name!, cmap ? unicodeMap(cmap) : undefined);
    }
    const content = all.get(ref(page.dict, 'Contents') ?? '')?.stream ?? '';
    let font: Map<string, string> | undefined;
    for (const op of content.matchAll(/\/(\w+)\s+[\d.]+\s+Tf|(\[[^\]]*\]|<[0-9a-fA-F]*>|\((?:\\.|[^\\)])*\))\s*T[Jj]/g)) {
      if (op[1]) {
        font = fonts.get(op[1]);
        continue;
      }
      let line = '';
      for (const part of op[2]!.matchAll(/<([0-9a-fA-F]*)>|\(((?:\\.|[^\\)])*)\)/g)) {
        if (part[2] !== undefined) line += part[2].replace(/\\(.)/g, '$1');
        else if (font) for (const code of part[1]!.match(/.{4}/g) ?? []) line += font.get(code.toLowerCase()) ?? '\uFFFD';
      }
      lines.push(line);
    }
  }
  return lines.join('\n');
}

/** The names of the fonts a PDF uses (embedded subsets carry a six-letter prefix, "ABCDEF+DejaVuSans"). */
export function pdfFonts(pdf: Buffer): string[] {
  return [...new Set([...pdf.toString('latin1').matchAll(/\/BaseFont\s*\/([\w+-]+)/g)].map((m) => m[1]!.replace(/^[A-Z]{6}\+/, '')))];
}
