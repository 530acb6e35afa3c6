/*
 * Ed25519 signature verification (RFC 8032 §5.1.7) for browsers whose Web Crypto has no Ed25519 — WeChat's
 * built-in browser and Chromium before 137 among them, common on residents' phones. Verification only: nothing
 * secret is handled here. Needs BigInt (2020 and later browsers) and Web Crypto's SHA-512; without them
 * `available()` is false and the page says the signature could not be checked.
 *
 * Written without BigInt literals or `**` so that older browsers can still parse the file.
 */
(function () {
  'use strict';

  if (typeof BigInt !== 'function' || !(window.crypto && window.crypto.subtle)) {
    window.GongkaiEd25519 = { available: function () { return false; } };
    return;
  }

  var N0 = BigInt(0);
  var N1 = BigInt(1);
  var N2 = BigInt(2);
  var N8 = BigInt(8);
  var N255 = BigInt(255);
  var P = (N1 << N255) - BigInt(19);
  // The group order: 2^252 + 27742317777372353535851937790883648493.
  var L = (N1 << BigInt(252)) + BigInt('27742317777372353535851937790883648493');
  var D = mod(BigInt(-121665) * inverse(BigInt(121666)));
  var D2 = mod(N2 * D);
  var SQRT_M1 = power(N2, (P - N1) / BigInt(4));
  var BASE = point(BigInt('15112221349535400772501151409588531511454012693041857206046113283949847762202'),
    BigInt('46316835694926478169428394003475163141307993866256225615783033603165251855960'));
  var IDENTITY = { x: N0, y: N1, z: N1, t: N0 };

  function mod(a) {
    var r = a % P;
    return r < N0 ? r + P : r;
  }

  function power(base, exponent) {
    var result = N1;
    var b = mod(base);
    var e = exponent;
    while (e > N0) {
      if ((e & N1) === N1) {
        result = mod(result * b);
      }
      b = mod(b * b);
      e >>= N1;
    }
    return result;
  }

  function inverse(a) {
    return power(a, P - N2);
  }

  function point(x, y) {
    return { x: x, y: y, z: N1, t: mod(x * y) };
  }

  /** Addition in extended coordinates (RFC 8032 §5.1.4); complete, so it also doubles. */
  function add(p, q) {
    var a = mod((p.y - p.x) * (q.y - q.x));
    var b = mod((p.y + p.x) * (q.y + q.x));
    var c = mod(p.t * D2 * q.t);
    var d = mod(p.z * N2 * q.z);
    var e = b - a;
    var f = d - c;
    var g = d + c;
    var h = b + a;
    return { x: mod(e * f), y: mod(g * h), z: mod(f * g), t: mod(e * h) };
  }

  function multiply(p, scalar) {
    var result = IDENTITY;
    var addend = p;
    var k = scalar;
    while (k > N0) {
      if ((k & N1) === N1) {
        result = add(result, addend);
      }
      addend = add(addend, addend);
      k >>= N1;
    }
    return result;
  }

  function littleEndian(bytes) {
    var n = N0;
    for (var i = bytes.length - 1; i >= 0; i--) {
      n = (n << N8) + BigInt(bytes[i]);
    }
    return n;
  }

  function encode(p) {
    var zInverse = inverse(p.z);
    var x = mod(p.x * zInverse);
    var y = mod(p.y * zInverse);
    var out = new Uint8Array(32);
    for (var i = 0; i < 32; i++) {
      out[i] = Number(y & N255);
      y >>= N8;
    }
    if ((x & N1) === N1) {
      out[31] |= 0x80;
    }
    return out;
  }

  /** RFC 8032 §5.1.3: the point a 32-byte string encodes, or null if it encodes none. */
  function decode(bytes) {
    var copy = new Uint8Array(bytes);
    var sign = (copy[31] & 0x80) !== 0;
    copy[31] &= 0x7f;
    var y = littleEndian(copy);
    if (y >= P) {
      return null;
    }
    var yy = mod(y * y);
    var u = mod(yy - N1);
    var v = mod(D * yy + N1);
    var v3 = mod(v * v * v);
    var x = mod(u * v3 * power(u * v3 * v3 * v, (P - BigInt(5)) / N8));
    var vxx = mod(v * x * x);
    if (vxx !== u) {
      if (vxx === mod(-u)) {
        x = mod(x * SQRT_M1);
      } else {
        return null;
      }
    }
    if (x === N0 && sign) {
      return null;
    }
    if (((x & N1) === N1) !== sign) {
      x = P - x;
    }
    return point(x, y);
  }

  function same(a, b) {
    if (a.length !== b.length) {
      return false;
    }
    var diff = 0;
    for (var i = 0; i < a.length; i++) {
      diff |= a[i] ^ b[i];
    }
    return diff === 0;
  }

  /** The Ed25519 public key inside an SPKI (DER) structure: its fixed 12-byte header, then 32 bytes. */
  var SPKI_HEADER = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

  function keyFromSpki(spki) {
    if (spki.length !== 44) {
      return null;
    }
    for (var i = 0; i < SPKI_HEADER.length; i++) {
      if (spki[i] !== SPKI_HEADER[i]) {
        return null;
      }
    }
    return spki.slice(12);
  }

  /**
   * Resolves to whether `signature` (64 bytes) is a valid Ed25519 signature of `message` by the key in `spki`;
   * rejects with a DataError when the key is not an Ed25519 SPKI.
   */
  function verify(spki, signature, message) {
    var key = keyFromSpki(new Uint8Array(spki));
    if (!key) {
      return Promise.reject({ name: 'DataError' });
    }
    var sig = new Uint8Array(signature);
    var a = decode(key);
    if (sig.length !== 64 || !a) {
      return Promise.resolve(false);
    }
    var rBytes = sig.slice(0, 32);
    var s = littleEndian(sig.slice(32));
    if (s >= L || !decode(rBytes)) {
      return Promise.resolve(false);
    }
    var input = new Uint8Array(64 + message.length);
    input.set(rBytes, 0);
    input.set(key, 32);
    input.set(new Uint8Array(message), 64);
    return window.crypto.subtle.digest('SHA-512', input).then(function (digest) {
      var k = littleEndian(new Uint8Array(digest)) % L;
      // [S]B = R + [k]A, compared as encodings: [S]B + [k](-A) must encode to R.
      var minusA = { x: mod(-a.x), y: a.y, z: a.z, t: mod(-a.t) };
      var check = add(multiply(BASE, s), multiply(minusA, k));
      return same(encode(check), rBytes);
    });
  }

  window.GongkaiEd25519 = { available: function () { return true; }, verify: verify };
})();
