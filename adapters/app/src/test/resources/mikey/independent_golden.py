#!/usr/bin/env python3
"""Independent computation of the golden MBMS MIKEY messages used by the CLI tests (MikeyGolden.java).

Written from PROFILE.md (sections 1.5, 1.6 and 10), not from the Java code: MIKEY-1 PRF with HMAC-SHA-1
(hmac/hashlib), AES-CM-128 as AES-CTR (the 'cryptography' package), HMAC-SHA-1-160 MACs. Its output
agreed byte for byte with `mbms-keys mikey build ...` when the vectors were made. These are
self-computed regression values [SELF], NOT official test vectors. Run: python3 independent_golden.py
"""
import hashlib
import hmac
import math

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def p(s, label, m):
    a, out = label, b''
    for _ in range(m):
        a = hmac.new(s, a, hashlib.sha1).digest()
        out += hmac.new(s, a + label, hashlib.sha1).digest()
    return out


def prf(inkey, label, n):
    m = math.ceil(n * 8 / 160)
    res = bytes(m * 20)
    for i in range(0, len(inkey), 32):
        res = bytes(x ^ y for x, y in zip(res, p(inkey[i:i + 32], label, m)))
    return res[:n]


def kemac_keys(psk, csb, rand):
    def label(const):
        return bytes.fromhex(const) + b'\xff' + csb + rand
    return prf(psk, label('150533e1'), 16), prf(psk, label('2d22ac75'), 20), prf(psk, label('29b88916'), 14)


def aes_cm(encr_key, salt_key, csb, counter, plaintext):
    iv = bytes(x ^ y for x, y in zip(salt_key, b'\0\0' + csb + counter.to_bytes(8, 'big'))) + b'\0\0'
    return Cipher(algorithms.AES(encr_key), modes.CTR(iv)).encryptor().update(plaintext)


def ident(next_payload, text):
    return bytes([next_payload, 1]) + len(text).to_bytes(2, 'big') + text


MUK = bytes.fromhex('d799fecc43fd388ce0b31ba42f1d8d098f66df3fbc71a01484e61fe652881d35')
MSK = bytes.fromhex('00112233445566778899aabbccddeeff')
MTK = bytes.fromhex('0f0e0d0c0b0a09080706050403020100')
SALT = bytes.fromhex('a0a1a2a3a4a5a6a7a8a9aaabacad')
CSB = bytes.fromhex('00f11000')  # Key Domain 001-01 || 00
IDI = b'bmsc.example.org'
IDR = b'I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org'

# MSK delivery, V=1, MSK ID 00010002, counter 7, validity 1..65535
rand, counter = bytes.fromhex('101112131415161718191a1b1c1d1e1f'), 7
ek, ak, sk = kemac_keys(MUK, CSB, rand)
ct = aes_cm(ek, sk, CSB, counter, bytes.fromhex('00020010') + MSK + bytes.fromhex('02000102ffff'))
msg = bytes.fromhex('0100158000f1100000010503000701000400010002') + bytes.fromhex('0b02') + counter.to_bytes(4, 'big')
msg += bytes([6, 16]) + rand + ident(6, IDI) + ident(1, IDR) + bytes([0, 1]) + len(ct).to_bytes(2, 'big') + ct + bytes([1])
print('msk    ', (msg + hmac.new(ak, msg, hashlib.sha1).digest()).hex())

# Verification message answering it: V MAC over (ACK without MAC) || IDi || IDr || T (4 bytes)
ack = bytes.fromhex('0101050000f11000000106') + bytes([2]) + counter.to_bytes(4, 'big') + ident(9, IDR) + bytes([0, 1])
print('ack    ', (ack + hmac.new(ak, ack + IDI + IDR + counter.to_bytes(4, 'big'), hashlib.sha1).digest()).hex())

# MTK delivery with salt under the MSK, MTK ID 5, counter 3
rand, counter = bytes.fromhex('303132333435363738393a3b3c3d3e3f'), 3
ek, ak, sk = kemac_keys(MSK, CSB, rand)
ct = aes_cm(ek, sk, CSB, counter, bytes.fromhex('00300010') + MTK + bytes.fromhex('000e') + SALT)
msg = bytes.fromhex('0100150000f11000000115030007010004000100020503000502000200050b02') + counter.to_bytes(4, 'big')
msg += bytes([1, 16]) + rand + bytes([0, 1]) + len(ct).to_bytes(2, 'big') + ct + bytes([1])
print('mtk    ', (msg + hmac.new(ak, msg, hashlib.sha1).digest()).hex())

# Solicited pull for Key Group 0001 with the MUK, counter 8: KEMAC without key data
rand, counter = bytes.fromhex('202122232425262728292a2b2c2d2e2f'), 8
ek, ak, sk = kemac_keys(MUK, CSB, rand)
msg = bytes.fromhex('0100150000f1100000010503000701000400010000') + bytes.fromhex('0b02') + counter.to_bytes(4, 'big')
msg += bytes([6, 16]) + rand + ident(6, IDI) + ident(1, IDR) + bytes([0, 1, 0, 0, 1])
print('solicit', (msg + hmac.new(ak, msg, hashlib.sha1).digest()).hex())
