package org.mbmskeys.adapters.jdbc;

import org.mbmskeys.mbms.ue.keys.UeKeyStorage;

/** The contract on the in-memory UE key storage. */
class InMemoryUeKeyStorageContractTest extends UeKeyStorageContract {

    @Override
    UeKeyStorage newStorage() {
        return UeKeyStorage.inMemory();
    }
}
