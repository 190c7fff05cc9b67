// inet_aton / inet_pton / inet_ntop as glibc does them.
import { describe, expect, it } from 'vitest';
import { aton, ntop6, pton4, pton6 } from '../../src/model/addr.js';

describe('addresses', () => {
  it.each([['24', '0.0.0.24'], ['1.2', '1.0.0.2'], ['0x7f.1', '127.0.0.1'], ['3221225985', '192.0.2.1'], ['010.0.0.1', '8.0.0.1'], ['0x', '0.0.0.0']])('aton %s', (s, want) => {
    expect([...aton(s)!].join('.')).toBe(want);
  });
  it('rejects what inet_aton rejects', () => {
    for (const s of ['', '1.2.3.4.5', '256.1.1.1', '1..2', 'a.b', '08']) expect(aton(s), s).toBeUndefined();
  });
  it('pton4 is strict', () => {
    expect(pton4('192.0.2.1')).toEqual(new Uint8Array([192, 0, 2, 1]));
    for (const s of ['01.2.3.4', '1.2.3', '1.2.3.256']) expect(pton4(s)).toBeUndefined();
  });
  it.each([
    ['2001:db8::1', '2001:db8::1'], ['2001:0db8:0:0:0:0:0:1', '2001:db8::1'], ['::', '::'], ['::1', '::1'],
    ['::ffff:192.0.2.1', '::ffff:192.0.2.1'], ['2001:db8:0:1::1', '2001:db8:0:1::1'], ['1:0:0:1:0:0:0:1', '1:0:0:1::1'],
    ['2001:db8::1:0:0:1', '2001:db8::1:0:0:1'], ['1::', '1::'],
  ])('pton6/ntop6 %s', (s, want) => {
    expect(ntop6(pton6(s)!)).toBe(want);
  });
  it('rejects malformed IPv6', () => {
    for (const s of ['1:::2', ':1::2', '1:2:3:4:5:6:7:8:9', '12345::', '1::2::3', '', '1.2.3.4', ':1.2.3.4']) expect(pton6(s), s).toBeUndefined();
  });
});
