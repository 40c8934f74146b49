import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseIdentifier } from './asset-identifiers.js';

describe('identifier normalisation', () => {
  it.each([
    ['ip', '010.000.000.001', '10.0.0.1'],
    ['ip', ' 192.168.1.20 ', '192.168.1.20'],
    ['ip', '2001:DB8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['ip', '::ffff:192.0.2.1', '::ffff:c000:201'],
    ['mac', 'AA:BB:CC:DD:EE:FF', 'aa:bb:cc:dd:ee:ff'],
    ['mac', 'aa-bb-cc-dd-ee-ff', 'aa:bb:cc:dd:ee:ff'],
    ['mac', 'AABB.CCDD.EEFF', 'aa:bb:cc:dd:ee:ff'],
    ['mac', 'aabbccddeeff', 'aa:bb:cc:dd:ee:ff'],
    ['hostname', 'Mail.Example.GOV.tw.', 'mail.example.gov.tw'],
    ['hostname', '公文.example.tw', 'xn--55qz30c.example.tw'],
    ['url', 'HTTPS://Example.org', 'https://example.org/'],
    ['serial', ' abc-1 ', 'ABC-1'],
    ['other', ' 財產編號 123 ', '財產編號 123'],
  ] as const)('%s %s → %s', (kind, raw, expected) => {
    expect(normaliseIdentifier(kind, raw)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['ip', '1.2.3'],
    ['ip', '1.2.3.4.5'],
    ['ip', '300.1.1.1'],
    ['ip', '1::2::3'],
    ['ip', 'fe80::1%eth0'],
    ['mac', 'aa:bb:cc:dd:ee'],
    ['mac', 'aa:bb:cc:dd:ee:gg'],
    ['mac', 'aab:bcc:dde:eff'],
    ['hostname', '-bad.example'],
    ['hostname', 'a..b'],
    ['hostname', 'has space'],
    ['url', 'javascript:alert(1)'],
    ['url', 'ftp://x.org'],
    ['url', '/relative'],
  ] as const)('refuses %s %s', (kind, raw) => {
    expect(normaliseIdentifier(kind, raw).ok).toBe(false);
  });

  it('never throws and is idempotent on whatever it accepts', () => {
    const kinds = ['ip', 'mac', 'hostname', 'url', 'serial', 'other'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.string({ maxLength: 80 }), (kind, raw) => {
        const first = normaliseIdentifier(kind, raw);
        if (first.ok) expect(normaliseIdentifier(kind, first.value)).toEqual(first);
      }),
      { numRuns: 2000 },
    );
  });
});
