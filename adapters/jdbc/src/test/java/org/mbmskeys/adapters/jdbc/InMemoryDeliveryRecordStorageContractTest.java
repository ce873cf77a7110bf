package org.mbmskeys.adapters.jdbc;

import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecordStorage;

/** The contract on the default in-memory delivery records. */
class InMemoryDeliveryRecordStorageContractTest extends DeliveryRecordStorageContract {

    @Override
    DeliveryRecordStorage newStorage() {
        return DeliveryRecordStorage.inMemory(1000);
    }
}
