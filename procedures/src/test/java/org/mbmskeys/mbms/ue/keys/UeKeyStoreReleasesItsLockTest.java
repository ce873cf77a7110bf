package org.mbmskeys.mbms.ue.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MUK;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MUK_ID;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.counter;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every call of the UE key store takes its one lock and gives it back, also when the storage fails
 * under it: a call from another thread afterwards goes through instead of waiting for ever. (A lock
 * that is not released does not stop the thread that holds it, so the second call runs elsewhere.)
 */
class UeKeyStoreReleasesItsLockTest {

    private final ExecutorService otherThread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopOtherThread() {
        otherThread.shutdownNow();
    }

    /** Runs {@code call} on the other thread; a lock still held makes it time out. */
    private <T> T fromOtherThread(Callable<T> call) throws Exception {
        return otherThread.submit(call).get(30, TimeUnit.SECONDS);
    }

    @Test
    void afterAChangeAndAQueryAnotherThreadGetsIn() throws Exception {
        UeKeyStore store = UeKeyStore.inMemory();
        store.installMuk(MUK_ID, MUK);
        assertThat(store.currentMuk(MUK_ID.idi())).contains(MUK_ID);

        assertThat(fromOtherThread(() -> store.checkMskCounter(MUK_ID, counter(1)).isAccepted())).isTrue();
    }

    @Test
    void afterTheStorageFailedAnotherThreadGetsInAndSeesTheStateBefore() throws Exception {
        FailingOnce storage = new FailingOnce();
        UeKeyStore store = new UeKeyStore(storage);
        storage.failNext = true;

        assertThatThrownBy(() -> store.installMuk(MUK_ID, MUK)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("storage down");

        assertThat(fromOtherThread(() -> store.currentMuk(MUK_ID.idi()))).isEmpty();
        fromOtherThread(() -> {
            store.installMuk(MUK_ID, MUK);
            return null;
        });
        assertThat(store.currentMuk(MUK_ID.idi())).contains(MUK_ID);
    }

    /** In-memory storage whose next store() fails, like a durable storage whose disk is gone. */
    private static final class FailingOnce implements UeKeyStorage {

        private final UeKeyStorage inner = UeKeyStorage.inMemory();
        boolean failNext;

        @Override
        public UeKeyState load() {
            return inner.load();
        }

        @Override
        public void store(UeKeyState state) {
            if (failNext) {
                failNext = false;
                throw new IllegalStateException("storage down");
            }
            inner.store(state);
        }
    }
}
