package org.mbmskeys.mbms.ue.keys;

/**
 * Where one ME keeps its {@link UeKeyState} (MGV-S). Storage only: every rule is in {@link UeKeyStore},
 * which loads the state, decides, and stores the next state as a whole.
 *
 * <p>Contract: {@link #load()} returns the last stored state, or {@link UeKeyState#empty()} if none was
 * stored; {@link #store(UeKeyState)} replaces it atomically (all or nothing) and durably if the
 * implementation is durable (the ME keeps the last UICC identity and the last used MUK in non-volatile
 * memory, TS 33.246 §6.1). {@link UeKeyStore} calls one storage from one thread at a time; the storage
 * must not copy, change or destroy the key objects it is given.
 */
public interface UeKeyStorage {

    UeKeyState load();

    void store(UeKeyState state);

    /** A storage that keeps the state in memory only (lost when the process ends). */
    static UeKeyStorage inMemory() {
        return new InMemoryUeKeyStorage();
    }
}
