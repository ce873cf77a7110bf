package org.mbmskeys.adapters.jdbc;

import org.mbmskeys.mbms.bmsc.registrations.RegistrationStorage;

/** The contract on the in-memory storage, so the JDBC storages are held to exactly what it does. */
class InMemoryRegistrationStorageContractTest extends RegistrationStorageContract {

    @Override
    RegistrationStorage newStorage() {
        return RegistrationStorage.inMemory();
    }
}
