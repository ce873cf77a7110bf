package org.mbmskeys.mbms.mikey.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code vectors/mikey-prf.json} ([SELF] values) with two regexes: there is no JSON library on the
 * test class path, and the file is flat (top-level {@code csb_id}/{@code rand}, then one object per case).
 */
final class PrfVectorFile {

    /** One case; {@code saltKey} is null where the file gives none. */
    record Case(String name, String inkey, String csbId, String rand, String encrKey, String authKey,
                String saltKey) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Pattern OBJECT = Pattern.compile("\\{[^{}]*}");

    private PrfVectorFile() {
    }

    static List<Case> cases() {
        String json = read("/vectors/mikey-prf.json");
        int casesAt = json.indexOf("\"cases\"");
        String header = json.substring(0, casesAt);
        String csbId = field(header, "csb_id");
        String rand = field(header, "rand");
        List<Case> cases = new ArrayList<>();
        Matcher m = OBJECT.matcher(json.substring(casesAt));
        while (m.find()) {
            String o = m.group();
            String ownRand = field(o, "rand");
            cases.add(new Case(field(o, "name"), field(o, "inkey"), csbId, ownRand != null ? ownRand : rand,
                    field(o, "encr_key"), field(o, "auth_key"), field(o, "salt_key")));
        }
        if (cases.size() < 3) {
            throw new AssertionError("expected at least 3 cases in mikey-prf.json, found " + cases.size());
        }
        return cases;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private static String read(String resource) {
        try (InputStream in = PrfVectorFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("test resource " + resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
