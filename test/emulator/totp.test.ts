/**
 * The emulator's RFC 6238 codes: the RFC's own test vectors (Appendix B, read from the RFC text) and a cross-check
 * with an independent, well-kept TOTP library (otpauth) over every algorithm, code length and time step Twilio allows.
 */
import assert from 'node:assert/strict';
import * as OTPAuth from 'otpauth';
import { base32Decode, base32Encode, hotp, newSecret, otpauthUri, timeCounter, totpCode, totpMatches, type TotpAlgorithm } from '../../emulator/totp.js';

/** RFC 6238 Appendix B: X = 30, T0 = 0, 8 digits; the seed is "12345678901234567890" repeated to 20, 32 or 64 bytes. */
const SEEDS: Record<TotpAlgorithm, string> = {
  sha1: '12345678901234567890',
  sha256: '12345678901234567890123456789012',
  sha512: '1234567890123456789012345678901234567890123456789012345678901234',
};
const APPENDIX_B: Array<[number, string, Record<TotpAlgorithm, string>]> = [
  [59, '0000000000000001', { sha1: '94287082', sha256: '46119246', sha512: '90693936' }],
  [1111111109, '00000000023523EC', { sha1: '07081804', sha256: '68084774', sha512: '25091201' }],
  [1111111111, '00000000023523ED', { sha1: '14050471', sha256: '67062674', sha512: '99943326' }],
  [1234567890, '000000000273EF07', { sha1: '89005924', sha256: '91819424', sha512: '93441116' }],
  [2000000000, '0000000003F940AA', { sha1: '69279037', sha256: '90698825', sha512: '38618901' }],
  [20000000000, '0000000027BC86AA', { sha1: '65353130', sha256: '77737706', sha512: '47863826' }],
];

describe('emulator TOTP (RFC 6238)', () => {
  for (const [seconds, counterHex, codes] of APPENDIX_B) {
    it(`RFC 6238 Appendix B at ${seconds} s: T = ${counterHex} and the SHA1/SHA256/SHA512 codes of the table`, () => {
      assert.equal(timeCounter(seconds * 1000, 30).toString(16).toUpperCase().padStart(16, '0'), counterHex);
      for (const alg of ['sha1', 'sha256', 'sha512'] as const) {
        const key = Buffer.from(SEEDS[alg], 'ascii');
        assert.equal(totpCode(key, seconds * 1000, { alg, timeStep: 30, codeLength: 8 }), codes[alg], alg);
      }
    });
  }

  it('RFC 4226 Appendix D: HOTP of counters 0 and 9 for the same seed (755224, 520489)', () => {
    const key = Buffer.from(SEEDS.sha1, 'ascii');
    assert.equal(hotp(key, 0, 6, 'sha1'), '755224');
    assert.equal(hotp(key, 9, 6, 'sha1'), '520489');
  });

  it('Base32 (RFC 4648) round-trips and matches the known encoding of the RFC seed', () => {
    assert.equal(base32Encode(Buffer.from(SEEDS.sha1, 'ascii')), 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    assert.deepEqual(base32Decode('gezdgnbvgy3tqojqgezdgnbvgy3tqojq'), Buffer.from(SEEDS.sha1, 'ascii'));
    for (let n = 0; n < 40; n++) {
      const bytes = Buffer.from(Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff));
      assert.deepEqual(base32Decode(base32Encode(bytes)), bytes);
    }
    assert.equal(base32Decode('NOT-BASE32!'), undefined);
    assert.equal(newSecret().length, 32, '20 random bytes are 32 Base32 characters');
  });

  it('agrees with otpauth on every algorithm, code length (3–8) and time step (20–60), at many moments', () => {
    let compared = 0;
    for (const alg of ['sha1', 'sha256', 'sha512'] as const) {
      for (let digits = 3; digits <= 8; digits++) {
        for (const period of [20, 30, 45, 60]) {
          const secret = newSecret();
          const reference = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: alg.toUpperCase(), digits, period });
          for (const at of [0, 59_000, 1_111_111_109_000, Date.UTC(2025, 0, 15, 12, 0, 0), Date.UTC(2038, 0, 19, 3, 14, 8)]) {
            assert.equal(totpCode(base32Decode(secret)!, at, { alg, timeStep: period, codeLength: digits }), reference.generate({ timestamp: at }), `${alg} ${digits} ${period} ${at}`);
            compared++;
          }
        }
      }
    }
    assert.equal(compared, 3 * 6 * 4 * 5);
  });

  it('accepts codes of T−skew … T+skew only, exactly as otpauth.validate with the same window', () => {
    const secret = newSecret();
    const key = base32Decode(secret)!;
    const now = Date.UTC(2025, 0, 15, 12, 0, 10);
    const reference = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), period: 30, digits: 6 });
    for (const skew of [0, 1, 2]) {
      for (let step = -4; step <= 4; step++) {
        const code = reference.generate({ timestamp: now + step * 30_000 });
        const ours = totpMatches(key, code, now, { alg: 'sha1', timeStep: 30, codeLength: 6, skew });
        const theirs = reference.validate({ token: code, timestamp: now, window: skew }) !== null;
        assert.equal(ours, theirs, `skew ${skew}, step ${step}`);
        assert.equal(ours, Math.abs(step) <= skew);
      }
    }
    assert.equal(totpMatches(key, '12345', now, { alg: 'sha1', timeStep: 30, codeLength: 6, skew: 1 }), false, 'a code of the wrong length never matches');
    assert.equal(totpMatches(key, 'abcdef', now, { alg: 'sha1', timeStep: 30, codeLength: 6, skew: 1 }), false);
  });

  it('builds the Key URI authenticator apps scan, and otpauth reads back the same secret and settings', () => {
    const secret = newSecret();
    const uri = otpauthUri('Acme Bank', 'Ana’s phone', secret, { alg: 'sha256', timeStep: 60, codeLength: 8 });
    assert.equal(uri, `otpauth://totp/Acme%20Bank:Ana%E2%80%99s%20phone?secret=${secret}&issuer=Acme%20Bank&algorithm=SHA256&digits=8&period=60`);
    const parsed = OTPAuth.URI.parse(uri) as OTPAuth.TOTP;
    assert.equal(parsed.issuer, 'Acme Bank');
    assert.equal(parsed.label, 'Ana’s phone');
    assert.equal(parsed.secret.base32, secret);
    assert.equal(parsed.algorithm, 'SHA256');
    assert.equal(parsed.digits, 8);
    assert.equal(parsed.period, 60);
  });
});
