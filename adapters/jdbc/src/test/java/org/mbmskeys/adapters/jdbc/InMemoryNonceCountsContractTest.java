package org.mbmskeys.adapters.jdbc;

import org.mbmskeys.mbms.digest.NonceCounts;

/** The contract on the default in-memory nonce-counts. */
class InMemoryNonceCountsContractTest extends NonceCountsContract {

    @Override
    NonceCounts newCounts() {
        return NonceCounts.inMemory(1000);
    }
}
