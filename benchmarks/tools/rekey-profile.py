#!/usr/bin/env python3
"""Splits an async-profiler profile of RekeyThroughput into the parts of the re-key path.

Input: the 'collapsed' output of async-profiler with per-thread stacks (options 'threads,collapsed'),
recorded while `RekeyThroughput` ran (docs/benchmarks.md, "Where the end-to-end time goes"). Only the
main thread's samples count, and only those of the three measured parts (set-up is not measured):
the crypto loop (`PushAckCrypto.phased`; the interleaved loop is left out), the end-to-end rounds
(`RekeyThroughput$World.rekey`) and the BM-SC-alone rounds (`RekeyThroughput$World.rekeyAnsweredBare`).

Each sample of the part asked for (e2e unless `--part bmsc`) goes to the first part of the path below whose
test its stack passes, so a MIKEY seal inside the BM-SC's push counts as crypto, not as push preparation.
Usage: rekey-profile.py rekey.collapsed [--part e2e|bmsc]
"""
import collections
import sys

CRYPTO_PREFIXES = ('org/mbmskeys/mbms/mikey/', 'javax/crypto', 'com/sun/crypto', 'sun/security')


def has(frames, prefix):
    return any(f.startswith(prefix) for f in frames)


PARTS = [
    ('crypto and MIKEY codec (the work the crypto loop also does)', lambda f: any(f2.startswith(CRYPTO_PREFIXES) for f2 in f)),
    ('UE key store: applying the MSK (`UeKeyStore.applyMsk`)', lambda f: 'org/mbmskeys/mbms/ue/keys/UeKeyStore.applyMsk' in f),
    ('UE reception, rest (`MikeyReception`, `AckMemory`)', lambda f: 'org/mbmskeys/mbms/ue/reception/MikeyReception.receive' in f),
    ('UE node and host: routing to the UE, its engine step', lambda f: has(f, 'org/mbmskeys/mbms/ue/')),
    ('BM-SC push preparation outside the crypto (`BmscKeyDelivery.push`)', lambda f: 'org/mbmskeys/mbms/bmsc/BmscKeyDelivery.push' in f),
    ('BM-SC ACK check and delivery record', lambda f: has(f, 'org/mbmskeys/mbms/bmsc/BmscKeyDelivery.') or has(f, 'org/mbmskeys/mbms/bmsc/distribution/')),
    ('BM-SC routing of the verification message (`BmscRouting`)', lambda f: has(f, 'org/mbmskeys/mbms/bmsc/BmscRouting')),
    ('engine: starting one `bmsc.msk-push` instance per UE', lambda f: 'org/mbmskeys/engine/runtime/DefaultEngine.start' in f),
    ('engine: instance commit and store', lambda f: 'org/mbmskeys/engine/runtime/Stepper.commit' in f),
    ('engine: events, steps, Groovy closures', lambda f: (has(f, 'org/mbmskeys/engine/runtime/') or has(f, 'org/mbmskeys/engine/dsl')
                                                          or has(f, 'org/mbmskeys/engine/backend')) and not has(f, 'org/mbmskeys/engine/spi/ManualScheduler.pollDue')),
    ('memory network', lambda f: any(x.startswith('org/mbmskeys/adapters/memory') and 'deliver' not in x and 'arrival' not in x for x in f)),
    ('virtual-time scheduler (`ManualScheduler`)', lambda f: has(f, 'org/mbmskeys/engine/spi/ManualScheduler')),
    ('BM-SC facade, rest (rotation, paging the UEs)', lambda f: has(f, 'org/mbmskeys/mbms/bmsc/')),
    ('other', lambda f: True),
]


CRYPTO_LOOP = 'org/mbmskeys/benchmarks/PushAckCrypto.phased'
E2E = 'org/mbmskeys/benchmarks/rekey/RekeyThroughput$World.rekey'
BMSC = 'org/mbmskeys/benchmarks/rekey/RekeyThroughput$World.rekeyAnsweredBare'


def measured_part(frames):
    """'crypto', 'e2e', 'bmsc' or None (set-up, the interleaved loop, the harness itself)."""
    if CRYPTO_LOOP in frames:
        return 'crypto'
    if BMSC in frames:
        return 'bmsc'
    if E2E in frames:
        return 'e2e'
    return None


def main(path, part):
    samples = {'crypto': 0, 'e2e': 0, 'bmsc': 0}
    stacks = []
    for line in open(path):
        stack, count = line.rsplit(' ', 1)
        frames = stack.split(';')
        # The main thread is renamed DestroyJavaVM once main() returns, before the profile is written.
        if not (frames[0].startswith('[main') or frames[0].startswith('[DestroyJavaVM')):
            continue
        which = measured_part(frames)
        if which is None:
            continue
        samples[which] += int(count)
        if which == part:
            stacks.append((frames, int(count)))
    total = samples[part]
    if not total:
        sys.exit(f'no {part} samples of the main thread: was the profile recorded with "threads,collapsed"?')
    shares = collections.Counter()
    for frames, n in stacks:
        shares[next(label for label, test in PARTS if test(frames))] += n
    crypto = samples['crypto']
    print(f"samples: crypto loop {crypto}, end to end {samples['e2e']}, BM-SC alone {samples['bmsc']}; "
          + ', '.join(f'crypto / {p} = {crypto / samples[p]:.2f}' for p in ('e2e', 'bmsc') if samples[p]))
    print()
    print(f'| part of the {"end-to-end" if part == "e2e" else "BM-SC-alone"} path | share of its CPU |')
    print('|---|---:|')
    for label, _ in PARTS:
        print(f'| {label} | {100 * shares[label] / total:.1f} % |')


if __name__ == '__main__':
    args = sys.argv[1:]
    chosen = 'e2e'
    if '--part' in args:
        i = args.index('--part')
        chosen = args[i + 1] if i + 1 < len(args) else ''
        del args[i:i + 2]
    if len(args) != 1 or chosen not in ('e2e', 'bmsc'):
        sys.exit('usage: rekey-profile.py rekey.collapsed [--part e2e|bmsc]')
    main(args[0], chosen)
