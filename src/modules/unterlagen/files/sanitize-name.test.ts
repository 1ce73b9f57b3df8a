import { describe, expect, it } from 'vitest';
import { extensionOf, isSuspiciousName, maxNameLength, sanitizeName } from './sanitize-name.js';

describe('sanitizeName', () => {
  it.each([
    ['Kontoauszug März.pdf', 'Kontoauszug März.pdf'],
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['..\\..\\Windows\\win.ini.pdf', 'win.ini.pdf'],
    ['/absolute/path/scan.jpg', 'scan.jpg'],
    ['.htaccess', 'htaccess'],
    ['...versteckt.pdf', 'versteckt.pdf'],
    ['rechnung\u202Efdp.exe', 'rechnungfdp.exe'],
    ['a\u0000b\u0007c\u001Fd.png', 'abcd.png'],
    ['zeile\r\numbruch.pdf', 'zeileumbruch.pdf'],
    ['Lohn  \t Abrechnung.pdf', 'Lohn Abrechnung.pdf'],
    ['name<>:"|?*.pdf', 'name_______.pdf'],
    ['mietvertrag.pdf.  ..', 'mietvertrag.pdf'],
    ['CON.pdf', '_CON.pdf'],
    ['nul', '_nul'],
    ['', 'dokument'],
    ['.pdf', 'pdf'],
    ['../', 'dokument'],
    ['\u200B\u200B.jpg', 'jpg'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeName(input)).toBe(expected);
  });

  it('normalizes to NFC so the same name compares equal however it was typed', () => {
    const decomposed = 'Bescheinigung Mu\u0308ller.pdf';
    const result = sanitizeName(decomposed);
    expect(result).toBe('Bescheinigung M\u00FCller.pdf');
    expect(result.normalize('NFC')).toBe(result);
  });

  it('truncates long names to 120 code points and keeps the extension', () => {
    const result = sanitizeName(`${'a'.repeat(300)}.jpeg`);
    expect([...result]).toHaveLength(maxNameLength);
    expect(result.endsWith('.jpeg')).toBe(true);
  });

  it('never splits an emoji or a combining sequence when truncating', () => {
    const result = sanitizeName(`${'👍🏽'.repeat(100)}.pdf`);
    expect([...result].length).toBeLessThanOrEqual(maxNameLength);
    expect(result).toMatch(/^(👍🏽)+\.pdf$/u);
  });

  it('does not treat an overlong or odd suffix as extension', () => {
    expect(sanitizeName(`x.${'b'.repeat(40)}`)).toBe(`x.${'b'.repeat(40)}`);
    expect(extensionOf(sanitizeName('foto.jp g'))).toBe('');
  });

  it('uses the fallback when nothing of the base name is left', () => {
    expect(sanitizeName('\u202E\u0000.pdf', 'upload')).toBe('pdf');
    expect(sanitizeName('///', 'upload')).toBe('upload');
  });
});

describe('extensionOf', () => {
  it.each([
    ['scan.PDF', 'pdf'],
    ['foto.HEIC', 'heic'],
    ['archiv.tar.gz', 'gz'],
    ['ohneendung', ''],
    ['rechnung.pdf.exe', 'exe'],
  ])('%s → %s', (name, ext) => {
    expect(extensionOf(sanitizeName(name))).toBe(ext);
  });
});

describe('isSuspiciousName', () => {
  it.each([
    '../../etc/passwd.pdf',
    '..\\boot.ini.pdf',
    'C:\\Users\\x\\scan.pdf',
    'dir/scan.pdf',
    'scan\u0000.pdf',
    'scan\n.pdf',
    'rechnung\u202Efdp.exe',
    'a\u2066b.pdf',
    '..',
    '.',
    '   ',
    '',
  ])('refuses %j', (name) => {
    expect(isSuspiciousName(name)).toBe(true);
  });

  it.each(['Kontoauszug März.pdf', 'IMG_0042.HEIC', '.hidden.pdf', 'a..b.pdf', 'Lohn (Mai) 2026.jpg', '👍🏽.png'])(
    'accepts %j',
    (name) => {
      expect(isSuspiciousName(name)).toBe(false);
    },
  );
});
