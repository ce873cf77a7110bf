package org.mbmskeys.adapters.jdbc;

import org.mbmskeys.mbms.bmsc.services.UserServiceStorage;

/** The contract on the default in-memory user service storage. */
class InMemoryUserServiceStorageContractTest extends UserServiceStorageContract {

    @Override
    UserServiceStorage newStorage() {
        return UserServiceStorage.inMemory();
    }

    @Override
    UserServiceStorage reopened() {
        return storage;
    }
}
