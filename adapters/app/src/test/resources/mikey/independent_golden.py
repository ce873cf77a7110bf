#!/usr/bin/env python3
"""Independent computation of the MBMS MIKEY golden messages (issue 7 wire format).

Written from the texts, NOT from the project's Java code (none of procedures/ or adapters/ Java sources
was read): 3GPP TS 33.246 V16.0.0 clauses 6.4.1-6.4.5.3, 6.5.4, 6.6.2.1 and Annex D; RFC 4563 sections 4
and 5; RFC 3830 sections 4.1.4 (MIKEY-1 PRF and its labels), 4.2.3 (AES-CM), 4.2.4 (HMAC-SHA-1), 5.2
(verification MAC), 6.1 (HDR, CS ID map), 6.2 (KEMAC), 6.6 (T), 6.7 (ID), 6.9 (V), 6.10 (SP), 6.11
(RAND), 6.13/6.14 (Key data, Key validity), 6.15 (EXT); RFC 4771 section 4 (RCC transform parameters).
Only Python's hmac/hashlib and the 'cryptography' package (AES-CTR = AES-CM) are used.

Where the texts leave a choice open, the project's decision is applied and named by its row (U1..U16)
in the comments. The values are self-computed regression values [SELF], NOT official test vectors.

Run: python3 independent_golden.py   (no arguments). Prints one line per message: `name hex`.
"""
import hashlib
import hmac
import math

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

# ---------------------------------------------------------------------------------------------------
# RFC 3830 constants
# ---------------------------------------------------------------------------------------------------
# Next-payload values (RFC 3830 section 6.1, Table 6.1.c; EXT = General Extension).
LAST, KEMAC, T, ID, V, SP, RAND, EXT = 0, 1, 5, 6, 9, 10, 11, 21
# HDR data types (section 6.1, Table 6.1.a): 0 = Pre-shared key init, 1 = Pre-shared key verification.
PSK_INIT, PSK_VERIFY = 0, 1
PRF_MIKEY_1 = 0                     # section 6.1, PRF func
MAP_SRTP_ID = 0                     # section 6.1, CS ID map type SRTP-ID
MAP_EMPTY = 1                       # RFC 4563 section 5, Table 3: Empty map, no map info
TS_COUNTER = 2                      # section 6.6, Table 6.6: COUNTER, 32 bits
ID_NAI = 0                          # section 6.7: NAI; TS 33.246 6.4.5.1 sets 0 for IDi and IDr
ENCR_AES_CM_128 = 1                 # section 6.2, Table 6.2.a
MAC_HMAC_SHA1_160 = 1               # section 6.2, Table 6.2.b
KEY_TGK, KEY_TEK, KEY_TEK_SALT = 0, 2, 3  # section 6.13, Table 6.13.a
KV_NULL, KV_INTERVAL = 0, 2         # section 6.13, Table 6.13.b
EXT_KEY_ID = 3                      # RFC 4563 section 4, Table 1
KEY_DOMAIN_ID, MSK_ID_TYPE, MTK_ID_TYPE = 0, 1, 2  # RFC 4563 section 4, Table 2
PROT_SRTP = 0                       # RFC 3830 section 6.10, Table 6.10


# ---------------------------------------------------------------------------------------------------
# Key derivation and protection (RFC 3830 sections 4.1.4, 4.2.3, 4.2.4)
# ---------------------------------------------------------------------------------------------------
def p_sha1(s, label, m):
    """P(s, label, m) of RFC 3830 4.1.2: HMAC-SHA-1 in feedback mode, m blocks of 160 bits."""
    a, out = label, b''
    for _ in range(m):
        a = hmac.new(s, a, hashlib.sha1).digest()
        out += hmac.new(s, a + label, hashlib.sha1).digest()
    return out


def prf(inkey, label, outkey_len):
    """PRF(inkey, label) of RFC 3830 4.1.2: XOR of P over the 256-bit pieces of inkey."""
    m = math.ceil(outkey_len * 8 / 160)
    res = bytes(m * 20)
    for i in range(0, len(inkey), 32):
        res = bytes(x ^ y for x, y in zip(res, p_sha1(inkey[i:i + 32], label, m)))
    return res[:outkey_len]


def mikey_keys(psk, csb_id, rand):
    """encr_key (128), auth_key (160, TS 33.246 6.4.1), salt_key (112) of RFC 3830 4.1.4.

    label = constant || cs_id || CSB ID || RAND, cs_id = 0xFF for MIKEY's own keys. The pre-shared key is
    the MUK for MSK messages and the MSK for MTK messages (TS 33.246 6.4.1); MTK messages carry no RAND,
    so the MIKEY-RAND of the MSK delivery is used (TS 33.246 6.4.5.3 NOTE, 6.5.4).
    """
    def label(constant):
        return bytes.fromhex(constant) + b'\xff' + csb_id + rand
    return (prf(psk, label('150533e1'), 16), prf(psk, label('2d22ac75'), 20),
            prf(psk, label('29b88916'), 14))


def aes_cm(encr_key, salt_key, csb_id, counter, plaintext):
    """RFC 3830 4.2.3: IV = (S XOR (0x0000 || CSB ID || T)) || 0x0000, T 64 bits.

    U6: T is the 32-bit COUNTER zero-extended to 64 bits (RFC 3830 6.6 pads COUNTER with leading zeros
    to 64 bits when it feeds the PRF; TS 33.246 says nothing for the IV).
    """
    t64 = counter.to_bytes(8, 'big')
    iv = bytes(x ^ y for x, y in zip(salt_key, b'\0\0' + csb_id + t64)) + b'\0\0'
    return Cipher(algorithms.AES(encr_key), modes.CTR(iv)).encryptor().update(plaintext)


# ---------------------------------------------------------------------------------------------------
# Payloads
# ---------------------------------------------------------------------------------------------------
def hdr(data_type, next_payload, v, csb_id, cs_map=None):
    """RFC 3830 6.1: version 1 | data type | next | V(1) PRF(7) | CSB ID | #CS | map type | map info.

    cs_map None = #CS 0 with the Empty map (RFC 4563 5), as TS 33.246 6.4.5.1 (download), 6.4.5.2 (ACK)
    and 6.4.5.3 (MTK) require; otherwise a list of (Policy_no, SSRC, ROC) for the SRTP-ID map.
    """
    head = bytes([1, data_type, next_payload, (v << 7) | PRF_MIKEY_1]) + csb_id
    if cs_map is None:
        return head + bytes([0, MAP_EMPTY])
    info = b''.join(bytes([policy]) + ssrc + roc.to_bytes(4, 'big') for policy, ssrc, roc in cs_map)
    return head + bytes([len(cs_map), MAP_SRTP_ID]) + info


def ext_key_id(next_payload, *sub_payloads):
    """RFC 4563 4: EXT type 3; Key ID Information = Type(1) || Length(1) || Key ID sub-payloads.

    U1: one EXT holds Key Domain ID (0), MSK ID (1) and, for MTK messages, MTK ID (2), in that order
    (TS 33.246 6.4.4: the protecting key first, then the delivered key).
    """
    info = b''.join(bytes([kind, len(value)]) + value for kind, value in sub_payloads)
    return bytes([next_payload, EXT_KEY_ID]) + len(info).to_bytes(2, 'big') + info


def t_counter(next_payload, counter):
    """RFC 3830 6.6, TS 33.246 6.4.3: TS type COUNTER, 32 bits."""
    return bytes([next_payload, TS_COUNTER]) + counter.to_bytes(4, 'big')


def rand_payload(next_payload, rand):
    """RFC 3830 6.11: Next | RAND len (8) | RAND; 128 bits (TS 33.246 6.4.5.1)."""
    return bytes([next_payload, len(rand)]) + rand


def ident(next_payload, text):
    """RFC 3830 6.7: Next | ID Type | ID len (16) | ID data; type 0 (NAI), UTF-8 (TS 33.246 6.4.1)."""
    return bytes([next_payload, ID_NAI]) + len(text).to_bytes(2, 'big') + text


def security_policy(next_payload, policy_no, params):
    """RFC 3830 6.10: Next | Policy no | Prot type | Policy param length (16) | Type/Length/Value list."""
    body = b''.join(bytes([kind, len(value)]) + value for kind, value in params)
    return bytes([next_payload, policy_no, PROT_SRTP]) + len(body).to_bytes(2, 'big') + body


def key_data(key_type, key, salt=None, validity=None):
    """RFC 3830 6.13/6.14: Next | Type(4) KV(4) | Key data len | Key data | [Salt len | Salt] | [KV data].

    validity None = KV Null, no KV data; otherwise (SEQl, SEQu) as a KV Interval with 2-byte Valid From and
    Valid To (U4: the MTK ID width, TS 33.246 6.3.3.1, 6.4.5.1; RFC 3830 6.14 suggests 6-byte SRTP indexes,
    but in MBMS the interval counts MTK IDs, and SEQl is exclusive: MTK ID > SEQl, 6.5.4).
    """
    kv = KV_NULL if validity is None else KV_INTERVAL
    out = bytes([LAST, (key_type << 4) | kv]) + len(key).to_bytes(2, 'big') + key
    if salt is not None:
        out += len(salt).to_bytes(2, 'big') + salt
    if validity is not None:
        seql, sequ = validity
        out += bytes([2]) + seql.to_bytes(2, 'big') + bytes([2]) + sequ.to_bytes(2, 'big')
    return out


def sealed(message_before_kemac, psk, csb_id, rand, counter, plain_key_data):
    """Append the KEMAC (RFC 3830 6.2) and its MAC.

    Encr alg AES-CM-128, Encr data = the encrypted Key data sub-payloads (may be empty: solicited pull);
    MAC alg HMAC-SHA-1-160 under auth_key over the whole message up to and including the MAC alg byte
    (RFC 3830 6.2; TS 33.246 6.4.5.1/6.4.5.3 forbid the NULL algorithms).
    """
    encr_key, auth_key, salt_key = mikey_keys(psk, csb_id, rand)
    encrypted = aes_cm(encr_key, salt_key, csb_id, counter, plain_key_data)
    msg = message_before_kemac + bytes([LAST, ENCR_AES_CM_128]) + len(encrypted).to_bytes(2, 'big')
    msg += encrypted + bytes([MAC_HMAC_SHA1_160])
    return msg + hmac.new(auth_key, msg, hashlib.sha1).digest()


# ---------------------------------------------------------------------------------------------------
# Inputs (fixed by the brief of issue 7)
# ---------------------------------------------------------------------------------------------------
# MUK = Ks_NAF (GBA_ME: TS 33.246 6.1). The vector file gba.json has no `ks_naf` entry; its `ks_ext_naf`
# is the same TS 33.220 derivation KDF(Ks, "gba-me", RAND, IMPI, NAF_Id) that gives Ks_NAF in GBA_ME,
# so that value is used (the old script used ks_int_naf, the GBA_U MUK).
MUK = bytes.fromhex('ac989d60aad1969639e2073bf7ff93c1c652ea91b627a95a1c1e3ab1a836c48c')
MSK = bytes.fromhex('00112233445566778899aabbccddeeff')
MTK = bytes.fromhex('0f0e0d0c0b0a09080706050403020100')
SALT = bytes.fromhex('a0a1a2a3a4a5a6a7a8a9aaabacad')    # 112-bit master salt (TS 33.246 6.4.5.3)
KEY_DOMAIN = bytes.fromhex('00f110')   # U2: MCC 001 MNC 01 packed as TS 24.008 BCD (project's choice)
MSK_ID = bytes.fromhex('00010002')     # Key Group 0001, Key Number 0002 (TS 33.246 6.3.2.1)
PULL_MSK_ID = bytes.fromhex('00010000')  # Key Number 0: solicited pull (6.3.2.2.4, 6.5.3)
MTK_ID = (5).to_bytes(2, 'big')        # 2-byte MTK ID (6.3.3.1)
IDI = 'bmsc.example.org'.encode('utf-8')                          # BM-SC FQDN (6.4.5.1)
IDR = 'I1U8vpY3qJ0hiuZNrke/NQ=='.encode('utf-8') + b'@bsf.example.org'  # the UE's B-TID (6.4.5.1)
MSK_RAND = bytes.fromhex('101112131415161718191a1b1c1d1e1f')   # MIKEY-RAND of MSK 00010002
# The solicited pull delivers no MSK; it keeps its own RAND, the one the old script and the CLI test use.
PULL_RAND = bytes.fromhex('202122232425262728292a2b2c2d2e2f')
CSB_MSK = bytes.fromhex('c5b1d001')    # MSK messages and their ACK (6.4.5.2: same CSB ID as the MSK msg)
CSB_PULL = bytes.fromhex('c5b1d002')
CSB_MTK = bytes.fromhex('c5b1d003')
VALIDITY = (0, 65534)                  # SEQl, SEQu: SEQu never the maximum (6.4.5.1)
SSRC, ROC = bytes.fromhex('0a0b0c0d'), 0

# Streaming SRTP policy (U12), checked against RFC 3830 Table 6.10.1.a and RFC 4771 section 4:
SRTP_POLICY = [
    (0, b'\x01'),          # Encryption algorithm = AES-CM (Table 6.10.1.b)
    (1, b'\x10'),          # Session Encr. key length = 16 bytes
    (2, b'\x01'),          # Authentication algorithm = HMAC-SHA-1 (Table 6.10.1.c); SRTCP keeps it
    (4, b'\x0e'),          # Session Salt key length = 14 bytes
    (11, b'\x0a'),         # Authentication tag length = 10 bytes (SRTCP; type 18 overrides it for SRTP)
    (13, b'\x00\x01'),     # RFC 4771 Table 2: ROC transmission rate R = 1, 16-bit integer; sent
                           # although 1 is the RFC default, since TS 33.246 6.6.2.1 (NOTE 3) requires R
                           # explicitly in each MSK delivery message
    (14, b'\x02'),         # RFC 4771 Table 3: SRTP Auth. algorithm = RCCm1 (Table 1: RCCm1 = 2)
    (18, b'\x0e'),         # RFC 4771 Table 3: SRTP Authentication tag len = 14 = 10 MAC + 4 ROC octets
]                          # No Key derivation rate (type 6): default 0, as TS 33.246 6.4.5.1 allows.


# ---------------------------------------------------------------------------------------------------
# Messages
# ---------------------------------------------------------------------------------------------------
def msk_message(counter, v, csb_id, msk_id, rand, plain_key_data, streaming=False):
    """MSK message (TS 33.246 6.4.5.1). U3: HDR, EXT, T, RAND, IDi, IDr, [SP], KEMAC.

    Streaming: #CS 1 with the SRTP-ID map (Policy_no 0, SSRC, ROC) and the SP payload; download and the
    solicited pull: #CS 0, Empty map, no SP. HDR data type 0 (PSK init).
    """
    cs_map = [(0, SSRC, ROC)] if streaming else None
    msg = hdr(PSK_INIT, EXT, v, csb_id, cs_map)
    msg += ext_key_id(T, (KEY_DOMAIN_ID, KEY_DOMAIN), (MSK_ID_TYPE, msk_id))
    msg += t_counter(RAND, counter) + rand_payload(ID, rand) + ident(ID, IDI)
    if streaming:
        msg += ident(SP, IDR) + security_policy(KEMAC, 0, SRTP_POLICY)
    else:
        msg += ident(KEMAC, IDR)
    return sealed(msg, MUK, csb_id, rand, counter, plain_key_data)


def mtk_message(counter, plain_key_data):
    """MTK message (TS 33.246 6.4.5.3). U3: HDR, EXT, T, KEMAC; no RAND (6.4.5.3 NOTE); #CS 0, Empty map,
    no SP, V 0 (6.3.3.2); protected with the MSK and the MSK's MIKEY-RAND (6.4.1, 6.5.4)."""
    msg = hdr(PSK_INIT, EXT, 0, CSB_MTK)
    msg += ext_key_id(T, (KEY_DOMAIN_ID, KEY_DOMAIN), (MSK_ID_TYPE, MSK_ID), (MTK_ID_TYPE, MTK_ID))
    msg += t_counter(KEMAC, counter)
    return sealed(msg, MSK, CSB_MTK, MSK_RAND, counter, plain_key_data)


def verification(answered_counter, csb_id, rand):
    """Verification message (TS 33.246 6.4.5.2): HDR, T, IDr, V; HDR data type 1, #CS 0, Empty map,
    the answered message's CSB ID and T. U16: the V MAC is computed over the message without the MAC ||
    IDi data || IDr data || the 4-byte COUNTER of the answered message (RFC 3830 5.2, 6.9), with the
    auth_key derived from the MUK, the CSB ID and the RAND of the answered message."""
    _, auth_key, _ = mikey_keys(MUK, csb_id, rand)
    msg = hdr(PSK_VERIFY, T, 0, csb_id) + t_counter(ID, answered_counter) + ident(V, IDR)
    msg += bytes([LAST, MAC_HMAC_SHA1_160])
    mac_input = msg + IDI + IDR + answered_counter.to_bytes(4, 'big')
    return msg + hmac.new(auth_key, mac_input, hashlib.sha1).digest()


def main():
    msk_key_data = key_data(KEY_TEK, MSK, validity=VALIDITY)   # MSK as TEK, KV Interval (6.4.5.1)
    lines = [
        # Download MSK delivery that wants an ACK: V = 1. COUNTER 7.
        ('msk-download', msk_message(7, 1, CSB_MSK, MSK_ID, MSK_RAND, msk_key_data)),
        ('ack', verification(7, CSB_MSK, MSK_RAND)),
        # Solicited pull (6.3.2.2.4): Key Number 0, RAND present (U13), KEMAC without key data, V 0.
        ('solicit', msk_message(8, 0, CSB_PULL, PULL_MSK_ID, PULL_RAND, b'')),
        # Streaming MSK delivery: SRTP-ID map and SP, V 0. COUNTER 9.
        ('msk-streaming', msk_message(9, 0, CSB_MSK, MSK_ID, MSK_RAND, msk_key_data, streaming=True)),
        # Streaming MTK: TEK+SALT with the 112-bit salt, KV Null. COUNTER 3.
        ('mtk-streaming', mtk_message(3, key_data(KEY_TEK_SALT, MTK, salt=SALT))),
        # Download MTK: TGK, no salt, KV Null (6.4.5.3). COUNTER 4.
        ('mtk-download', mtk_message(4, key_data(KEY_TGK, MTK))),
        # U5: validity-only update = TEK Key data with key length 0 and the KV Interval. COUNTER 10.
        ('msk-validity-only', msk_message(10, 0, CSB_MSK, MSK_ID, MSK_RAND,
                                          key_data(KEY_TEK, b'', validity=VALIDITY))),
    ]
    for name, message in lines:
        print(name, message.hex())


if __name__ == '__main__':
    main()
