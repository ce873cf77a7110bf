#!/usr/bin/env python3
"""Splits an async-profiler profile of RekeyThroughput into the parts of the end-to-end re-key path.

Input: the 'collapsed' output of async-profiler with per-thread stacks (options 'threads,collapsed'),
recorded while `RekeyThroughput` ran (docs/benchmarks.md, "Where the end-to-end time goes"). Only the
main thread's samples count: those under `RekeyThroughput$Crypto.phased` are the crypto loop (the
interleaved one is left out), those under `RekeyThroughput$Measure.of` and no `Crypto` method the
end-to-end rounds (set-up is not measured).

Each end-to-end sample goes to the first part below whose test its stack passes, so a MIKEY seal inside
the BM-SC's push counts as crypto, not as push preparation. Usage: rekey-profile.py rekey.collapsed
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


def main(path):
    main_thread = []
    for line in open(path):
        stack, count = line.rsplit(' ', 1)
        frames = stack.split(';')
        # The main thread is renamed DestroyJavaVM once main() returns, before the profile is written.
        if frames[0].startswith('[main') or frames[0].startswith('[DestroyJavaVM'):
            main_thread.append((frames, int(count)))
    crypto = sum(n for f, n in main_thread if 'org/mbmskeys/benchmarks/rekey/RekeyThroughput$Crypto.phased' in f)
    e2e = [(f, n) for f, n in main_thread if 'org/mbmskeys/benchmarks/rekey/RekeyThroughput$Measure.of' in f
           and not any(x.startswith('org/mbmskeys/benchmarks/rekey/RekeyThroughput$Crypto.') for x in f)]
    total = sum(n for _, n in e2e)
    if not total:
        sys.exit('no end-to-end samples of the main thread: was the profile recorded with "threads,collapsed"?')
    shares = collections.Counter()
    for frames, n in e2e:
        shares[next(label for label, test in PARTS if test(frames))] += n
    print(f'samples: crypto loop {crypto}, end to end {total}; crypto / e2e = {crypto / total:.2f}')
    print()
    print('| part of the end-to-end path | share of e2e CPU |')
    print('|---|---:|')
    for label, _ in PARTS:
        print(f'| {label} | {100 * shares[label] / total:.1f} % |')


if __name__ == '__main__':
    main(sys.argv[1])
