package org.mbmskeys.adapters.jdbc;

import org.mbmskeys.mbms.bmsc.keys.KeyRegistryStorage;

/** The contract on the in-memory storage, so the JDBC storages are held to exactly what it does. */
class InMemoryKeyRegistryStorageContractTest extends KeyRegistryStorageContract {

    @Override
    KeyRegistryStorage newStorage() {
        return KeyRegistryStorage.inMemory();
    }
}
