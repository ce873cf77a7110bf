package org.mbmskeys.mbms.keymanagement.xml;

import java.util.Objects;
import org.mbmskeys.mbms.keymanagement.ItemStatus;
import org.mbmskeys.mbms.keys.MskRef;

/**
 * The status of one Key Domain ID – MSK ID pair in an MSK request answer (TS 33.246 §6.3.2.4; TS 26.346
 * §11.8 {@code Response}).
 */
public record MskStatus(MskRef msk, ItemStatus status) {

    /** @throws IllegalArgumentException for an MSK of Key Group 0 */
    public MskStatus {
        MskElements.require(Objects.requireNonNull(msk, "msk"));
        Objects.requireNonNull(status, "status");
    }

    /** As logs and the demo print it: {@code 001-01/01010000 200}. */
    @Override
    public String toString() {
        return msk + " " + status;
    }
}
