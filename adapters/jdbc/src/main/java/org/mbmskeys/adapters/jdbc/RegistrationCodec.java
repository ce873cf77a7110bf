package org.mbmskeys.adapters.jdbc;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.bmsc.registrations.LastMuk;
import org.mbmskeys.mbms.bmsc.registrations.Registration;
import org.mbmskeys.mbms.bmsc.services.ServiceId;
import org.mbmskeys.mbms.gba.BTid;

/**
 * A {@link Registration} as one canonical line of text: equal records give equal text (services sorted, each
 * free-text field URL-encoded so no separator can occur in it). Compare-and-set compares this text in SQL, so
 * "the stored record equals the expected one" is decided by the database inside the UPDATE.
 */
final class RegistrationCodec {

    private static final String SEP = " ";
    private static final String NONE = "-";

    private RegistrationCodec() {
    }

    static String encode(Registration r) {
        String services = r.services().stream().map(ServiceId::value).sorted().map(RegistrationCodec::enc)
                .collect(Collectors.joining(","));
        String lastMuk = r.lastMuk().map(m -> enc(m.bTid().format()) + "@" + m.derivedAt()).orElse(NONE);
        return String.join(SEP, "v1", enc(r.impi()), enc(r.bTid().format()), enc(r.source().host()),
                Integer.toString(r.source().port()), Integer.toString(r.mikeyPort()), services, lastMuk);
    }

    static Registration decode(String text) {
        String[] f = text.split(SEP, -1);
        if (f.length != 8 || !f[0].equals("v1")) {
            throw new StorageException("a stored registration is not in the v1 form this version reads");
        }
        Optional<LastMuk> lastMuk = Optional.empty();
        if (!f[7].equals(NONE)) {
            int at = f[7].lastIndexOf('@');
            lastMuk = Optional.of(new LastMuk(BTid.parse(dec(f[7].substring(0, at))),
                    Instant.parse(f[7].substring(at + 1))));
        }
        return new Registration(dec(f[1]), BTid.parse(dec(f[2])), Endpoint.of(dec(f[3]), Integer.parseInt(f[4])),
                Integer.parseInt(f[5]),
                Arrays.stream(f[6].split(",")).map(s -> ServiceId.of(dec(s))).collect(Collectors.toSet()), lastMuk);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
