import { describe, expect, it } from 'vitest';
import { contentDisposition } from './http.js';

describe('Content-Disposition of downloads', () => {
  it('is always an attachment, with an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('Lohnabrechnung März.pdf')).toBe(`attachment; filename="Lohnabrechnung Marz.pdf"; filename*=UTF-8''Lohnabrechnung%20M%C3%A4rz.pdf`);
  });

  it('cannot be broken out of by quotes, backslashes or header syntax in the name', () => {
    const header = contentDisposition('a"; filename="evil.html\\.pdf');
    expect(header.startsWith('attachment; filename="a_; filename=_evil.html_.pdf"; filename*=UTF-8\'\'')).toBe(true);
    expect(header).not.toMatch(/[\r\n]/);
    expect(contentDisposition("it's (1).pdf")).toContain("filename*=UTF-8''it%27s%20%281%29.pdf");
    expect(contentDisposition('日本.pdf')).toBe(`attachment; filename=".pdf"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.pdf`);
  });
});
