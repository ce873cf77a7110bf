package org.mbmskeys.mbms.digest;

import java.util.Optional;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * SPI of the BM-SC: the Digest password of a user. For MBMS the username is the UE's B-TID and the
 * password is {@link MrkDigestPassword#derive base64(MRK)} of the bootstrapping that B-TID names, with
 * the MRK of the realm's flavour (GBA_ME or GBA_U, see {@link DigestRealm}).
 *
 * <pre>{@code
 * DigestCredentials lookup = (btid, realm) -> registrations.mrk(btid, realm).map(MrkDigestPassword::derive);
 * }</pre>
 *
 * <p>Implementations must be thread-safe. The verifier destroys the returned secret as soon as it has
 * computed HA1 from it, so an implementation returns a fresh instance on every call (as
 * {@link MrkDigestPassword#derive} does), never a cached one.
 */
@FunctionalInterface
public interface DigestCredentials {

    /** The password of {@code username} in {@code realm}, or empty if the user is unknown there. */
    Optional<SecretBytes> password(String username, DigestRealm realm);
}
