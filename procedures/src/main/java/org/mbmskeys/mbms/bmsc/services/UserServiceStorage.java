package org.mbmskeys.mbms.bmsc.services;

import java.util.List;

/**
 * Where the BM-SC keeps the definitions of its user services, so that they outlive the process and every BM-SC node
 * of one database offers the same services. Storage only: {@link UserServices} is the catalogue requests read.
 *
 * <p>Contract: thread-safe; {@link #store} inserts or replaces the definition with the service's ID, atomically.
 */
public interface UserServiceStorage {

    /** Every stored definition, in ID order. */
    List<UserService> all();

    /** Stores {@code service}, replacing the definition with its ID if there is one. */
    void store(UserService service);

    /** Definitions in this process's memory (lost when it ends): the default. */
    static UserServiceStorage inMemory() {
        return new InMemoryUserServiceStorage();
    }
}
