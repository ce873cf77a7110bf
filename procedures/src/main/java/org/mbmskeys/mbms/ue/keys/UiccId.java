package org.mbmskeys.mbms.ue.keys;

import java.util.Objects;

/**
 * The identity of the inserted UICC (for example its ICCID), which an ME doing key management itself
 * keeps in non-volatile memory: when a different UICC is inserted, all MBMS keys are deleted
 * (TS 33.246 §6.1, ME-based key management; seed {@code 004}).
 */
public record UiccId(String value) {

    public UiccId {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > 64 || !value.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException(
                    "UICC identity must be 1..64 printable ASCII characters without spaces, e.g. an ICCID; got '"
                            + value + "'");
        }
    }

    public static UiccId of(String value) {
        return new UiccId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
