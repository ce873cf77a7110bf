package org.mbmskeys.mbms.ue.keys;

import java.util.Objects;

final class InMemoryUeKeyStorage implements UeKeyStorage {

    private volatile UeKeyState state = UeKeyState.empty();

    @Override
    public UeKeyState load() {
        return state;
    }

    @Override
    public void store(UeKeyState next) {
        state = Objects.requireNonNull(next, "state");
    }
}
