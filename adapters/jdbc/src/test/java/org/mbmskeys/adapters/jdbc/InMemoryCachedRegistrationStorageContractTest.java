package org.mbmskeys.adapters.jdbc;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import org.mbmskeys.mbms.bmsc.registrations.RegistrationStorage;

/** The registration storage contract holds with the cache in front. */
class InMemoryCachedRegistrationStorageContractTest extends RegistrationStorageContract {

    @Override
    RegistrationStorage newStorage() {
        return new CachedRegistrationStorage(RegistrationStorage.inMemory(), Duration.ofSeconds(5), 1000,
                Ticker.systemTicker());
    }
}
