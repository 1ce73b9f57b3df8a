import { describe, expect, it } from 'vitest';
import {
  deriveKey,
  hashToken,
  hashTokenBase64url,
  isToken,
  keyedHash,
  newToken,
  safeEqual,
  seal,
  sealParts,
  TOKEN_PATTERN,
  unseal,
  unsealParts,
} from './crypto.js';

const secret = 'x'.repeat(40);

describe('tokens', () => {
  it('are 43 base64url characters, different every time, and recognised by the pattern', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => newToken()));
    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(token).toMatch(TOKEN_PATTERN);
    expect(isToken(newToken())).toBe(true);
    for (const bad of [newToken().slice(1), `${newToken()}a`, `${newToken().slice(1)}=`, `${newToken().slice(1)}/`, 42, undefined]) {
      expect(isToken(bad), String(bad)).toBe(false);
    }
  });

  it('are stored as SHA-256 (hex for new tables, base64url where a table has always used it)', () => {
    // Known answer: SHA-256 of "abc".
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashTokenBase64url('abc')).toBe(Buffer.from(hashToken('abc'), 'hex').toString('base64url'));
  });

  it('are compared in constant time, unequal for any difference', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
  });
});

describe('keyed hashes', () => {
  it('depend on the secret and on the purpose, and NUL separates the parts', () => {
    // RFC 4231 test case 2.
    expect(keyedHash('Jefe', 'what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    expect(keyedHash(secret, ['ip', '127.0.0.1'])).toBe(keyedHash(secret, 'ip\u0000127.0.0.1'));
    expect(keyedHash(secret, ['ip', '127.0.0.1'])).not.toBe(keyedHash('y'.repeat(40), ['ip', '127.0.0.1']));
    expect(keyedHash(secret, ['ip', 'a'])).not.toBe(keyedHash(secret, ['ipa', '']));
    expect(keyedHash(secret, 'v', 'base64url')).toBe(Buffer.from(keyedHash(secret, 'v'), 'hex').toString('base64url'));
  });
});

describe('sealing (AES-256-GCM)', () => {
  const key = deriveKey(secret, 'wegweiser-test', 'seal');

  it('round-trips text and bytes, with a fresh IV every time', () => {
    const a = seal(key, 'Geheimnis');
    expect(a.length).toBe(12 + 'Geheimnis'.length + 16);
    expect(unseal(key, a).toString('utf8')).toBe('Geheimnis');
    expect(seal(key, 'Geheimnis').equals(a)).toBe(false);
    expect(unseal(key, seal(key, Buffer.from([0, 1, 2]))).equals(Buffer.from([0, 1, 2]))).toBe(true);
    expect(unseal(key, seal(key, '')).length).toBe(0);
  });

  it('refuses another key, other authenticated data and any changed byte', () => {
    const sealed = seal(key, 'Geheimnis', 'tenant-a:row-1');
    expect(unseal(key, sealed, 'tenant-a:row-1').toString()).toBe('Geheimnis');
    expect(() => unseal(deriveKey(secret, 'wegweiser-test', 'other'), sealed, 'tenant-a:row-1')).toThrow();
    expect(() => unseal(key, sealed, 'tenant-b:row-1')).toThrow();
    expect(() => unseal(key, sealed)).toThrow();
    for (const at of [0, 12, sealed.length - 1]) {
      const changed = Buffer.from(sealed);
      changed[at] = changed[at]! ^ 1;
      expect(() => unseal(key, changed, 'tenant-a:row-1'), `byte ${at}`).toThrow();
    }
    expect(() => unseal(key, Buffer.alloc(10))).toThrow(/too short/);
  });

  it('gives the parts for tables with their own layout', () => {
    const parts = sealParts(key, 'x', 'aad');
    expect(parts.iv.length).toBe(12);
    expect(parts.tag.length).toBe(16);
    expect(unsealParts(key, parts, 'aad').toString()).toBe('x');
  });

  it('derives different keys for different purposes and the same key again for the same', () => {
    expect(deriveKey(secret, 's', 'a').equals(deriveKey(secret, 's', 'a'))).toBe(true);
    expect(deriveKey(secret, 's', 'a').equals(deriveKey(secret, 's', 'b'))).toBe(false);
    expect(deriveKey(secret, 's', 'a').length).toBe(32);
  });
});
