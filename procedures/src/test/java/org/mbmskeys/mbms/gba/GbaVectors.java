package org.mbmskeys.mbms.gba;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * Reads {@code vectors/gba.json} from the test classpath. No JSON library is on the classpath, and the
 * file is a flat object of string fields, so one regex per field is enough.
 *
 * <p>Provenance (from the file's "about"): CK, IK and RAND are the official TS 35.208 MILENAGE Test Set 1
 * values; naf_id, ks_ext_naf, ks_int_naf and the B-TID are [SELF] regression values computed by the
 * project with two independent implementations, not official vectors.
 */
public final class GbaVectors {

    private static final String TEXT = load();

    private GbaVectors() {
    }

    public static String text(String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(TEXT);
        if (!m.find()) {
            throw new IllegalStateException("vectors/gba.json has no string field '" + field + "'");
        }
        return m.group(1);
    }

    public static Bytes bytes(String field) {
        return Bytes.ofHex(text(field));
    }

    public static SecretBytes secret(String field) {
        return SecretBytes.ofHex(text(field));
    }

    private static String load() {
        try (InputStream in = GbaVectors.class.getResourceAsStream("/vectors/gba.json")) {
            if (in == null) {
                throw new IllegalStateException("vectors/gba.json is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
