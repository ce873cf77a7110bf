package org.mbmskeys.mbms.mikey;

import java.util.Optional;
import org.mbmskeys.mbms.profile.InterimProfile;

/**
 * Key ID Type inside a RFC 4563 Key ID extension ({@link KeyIdExtension}). The numbers are the project's
 * interim choice, one constant each in {@link InterimProfile} (PROFILE.md §2, §10). Closed code space.
 */
public enum KeyIdType {
    MUK(InterimProfile.KEY_ID_TYPE_MUK),
    MSK(InterimProfile.KEY_ID_TYPE_MSK),
    MTK(InterimProfile.KEY_ID_TYPE_MTK);

    static final CodeSpace<KeyIdType> CODES = CodeSpace.of("Key ID Type", values(), KeyIdType::code, Enum::name);

    private final int code;

    KeyIdType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<KeyIdType> ofCode(int code) {
        return CODES.byCode(code);
    }
}
