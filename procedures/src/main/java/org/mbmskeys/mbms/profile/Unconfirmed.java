package org.mbmskeys.mbms.profile;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a wire choice the 3GPP texts available to the project do not confirm. Each such choice lives in
 * exactly one constant, class or strategy carrying this annotation, so it can be found
 * ({@code grep -rn @Unconfirmed}) and changed in one place. {@code docs/wire-profile.md} lists them all.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
public @interface Unconfirmed {

    /**
     * The row of docs/wire-profile.md that explains it, then what is unconfirmed and why the texts do not
     * settle it, e.g. {@code "U5: ...; ..."}.
     */
    String value();
}
