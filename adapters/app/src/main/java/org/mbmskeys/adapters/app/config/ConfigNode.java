package org.mbmskeys.adapters.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;

/**
 * One mapping (or value) of a YAML configuration file, with its path from the root, so that every problem
 * names the file and the key: {@code ue.yaml: ues[1].mikeyPort: must be a port 0..65535, got 70000}. Keys a
 * mapping does not know are refused ({@link #allowOnly}), so a typo never goes unnoticed.
 * Secret values (keys) are read as {@link SecretBytes} and never quoted in a message.
 */
public final class ConfigNode {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String file;
    private final String path;
    private final JsonNode node;

    private ConfigNode(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /** The root mapping of {@code file}. */
    public static ConfigNode read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try {
            JsonNode root = YAML.readTree(Files.readAllBytes(file));
            if (root == null || !root.isObject()) {
                throw new ConfigException(name + ": the file must be a YAML mapping of keys (see the commented example)");
            }
            return new ConfigNode(name, "", root);
        } catch (NoSuchFileException e) {
            throw new ConfigException("no configuration file " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new ConfigException(name + ": not valid YAML" + where(e) + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** The text of {@code yaml}, for tests and built-in defaults. */
    public static ConfigNode parse(String name, String yaml) {
        try {
            JsonNode root = YAML.readTree(yaml);
            if (root == null || !root.isObject()) {
                throw new ConfigException(name + ": the file must be a YAML mapping of keys");
            }
            return new ConfigNode(name, "", root);
        } catch (IOException e) {
            throw new ConfigException(name + ": not valid YAML" + where(e) + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** Refuses any key of this mapping not in {@code allowed}. */
    public ConfigNode allowOnly(String... allowed) {
        Set<String> known = new LinkedHashSet<>(Arrays.asList(allowed));
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw problem(key, "unknown key; allowed here: " + String.join(", ", known));
            }
        }
        return this;
    }

    public boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    /** The mapping under {@code key}; an empty one if absent. */
    public ConfigNode child(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return new ConfigNode(file, at(key), MissingNode.getInstance());
        }
        if (!v.isObject()) {
            throw problem(key, "must be a mapping of keys");
        }
        return new ConfigNode(file, at(key), v);
    }

    /** The mappings listed under {@code key}; none if absent. */
    public List<ConfigNode> list(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw problem(key, "must be a list (items starting with '- ')");
        }
        List<ConfigNode> items = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String itemPath = at(key) + "[" + i + "]";
            if (!item.isObject()) {
                throw new ConfigException(file + ": " + itemPath + ": must be a mapping of keys");
            }
            items.add(new ConfigNode(file, itemPath, item));
        }
        return items;
    }

    /** The strings listed under {@code key}; none if absent. */
    public List<String> strings(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw problem(key, "must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isValueNode()) {
                throw problem(key, "must be a list of strings");
            }
            out.add(item.asText());
        }
        return out;
    }

    public String string(String key) {
        return optionalString(key).orElseThrow(() -> problem(key, "is required"));
    }

    public String string(String key, String fallback) {
        return optionalString(key).orElse(fallback);
    }

    public Optional<String> optionalString(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isValueNode()) {
            throw problem(key, "must be a single value, not a list or mapping");
        }
        String text = v.asText().trim();
        if (text.isEmpty()) {
            throw problem(key, "must not be empty");
        }
        return Optional.of(text);
    }

    public boolean bool(String key, boolean fallback) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw problem(key, "must be true or false, got " + quoted(v.asText()));
        }
        return v.asBoolean();
    }

    public int integer(String key, int min, int max, int fallback) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min || v.asInt() > max) {
            throw problem(key, "must be a whole number " + min + ".." + max + ", got " + quoted(v.asText()));
        }
        return v.asInt();
    }

    /** One of {@code allowed} (written in lower case with dashes), mapped by {@code map}. */
    public <T> T choice(String key, String fallback, Function<String, T> map, String... allowed) {
        String value = string(key, fallback);
        if (!Arrays.asList(allowed).contains(value)) {
            throw problem(key, quoted(value) + " is not allowed; use one of: " + String.join(", ", allowed));
        }
        return map.apply(value);
    }

    /**
     * {@code host:port} with an IP address literal (no name is looked up): "127.0.0.1:8080"; required when
     * {@code fallback} is null.
     */
    public Endpoint endpoint(String key, String fallback) {
        String text = fallback == null ? string(key) : string(key, fallback);
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw problem(key, "must be ADDRESS:PORT with an IP address, e.g. 127.0.0.1:8080, got " + quoted(text));
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            throw problem(key, "must use an IP address, not a name (no DNS is consulted), got " + quoted(text));
        }
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return Endpoint.of(host, port);
        } catch (NumberFormatException e) {
            throw problem(key, "the port must be 0..65535, got " + quoted(text));
        }
    }

    /** A duration as ISO-8601 ("PT30S", "P1D") or with a unit ("30s", "5m", "24h", "7d"). */
    public Optional<Duration> duration(String key) {
        return optionalString(key).map(text -> {
            try {
                if (text.matches("\\d+[smhd]")) {
                    long n = Long.parseLong(text.substring(0, text.length() - 1));
                    return switch (text.charAt(text.length() - 1)) {
                        case 's' -> Duration.ofSeconds(n);
                        case 'm' -> Duration.ofMinutes(n);
                        case 'h' -> Duration.ofHours(n);
                        default -> Duration.ofDays(n);
                    };
                }
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw problem(key, "must be a duration such as 30s, 5m, 24h, 7d or PT24H, got " + quoted(text));
            }
        });
    }

    public Optional<Instant> instant(String key) {
        return optionalString(key).map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw problem(key, "must be a UTC time such as 2027-01-01T00:00:00Z, got " + quoted(text));
            }
        });
    }

    /** Clear-text bytes written in hex, of exactly {@code length} bytes. */
    public Bytes hex(String key, int length) {
        String text = string(key);
        if (!text.matches("([0-9a-fA-F]{2})+") || text.length() != 2 * length) {
            throw problem(key, "must be " + length + " bytes in hex (" + 2 * length + " hex digits), got " + quoted(text));
        }
        return Bytes.ofHex(text);
    }

    /** A secret key written in hex, of exactly {@code length} bytes. The value never appears in a message. */
    public SecretBytes secretHex(String key, int length) {
        String text = string(key);
        if (!text.matches("([0-9a-fA-F]{2})+") || text.length() != 2 * length) {
            throw problem(key, "must be " + length + " bytes in hex (" + 2 * length + " hex digits); the value given has "
                    + text.length() + " characters (not shown: it is a secret)");
        }
        return SecretBytes.ofHex(text);
    }

    /** Where the YAML parser stopped, as {@code  at line L, column C}, or nothing if it does not say. */
    private static String where(IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null
                && p.getLocation().getLineNr() > 0) {
            return " at line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr();
        }
        return "";
    }

    /**
     * The file {@code key} names, relative to {@code base}: a problem now, while the configuration is read, if it is
     * not there or not a file, rather than once the process has opened its database and sockets.
     */
    public Path existingFile(String key, Path base) {
        Path file = base.resolve(string(key)).normalize();
        if (!Files.exists(file)) {
            throw problem(key, "names " + file + ", which is not there");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw problem(key, "names " + file + ", which is not a file this process can read");
        }
        return file;
    }

    /** A problem with {@code key} of this mapping. */
    public ConfigException problem(String key, String what) {
        return new ConfigException(file + ": " + at(key) + ": " + what);
    }

    /** This mapping's path, e.g. {@code services[0]}. */
    public String path() {
        return path.isEmpty() ? "(top level)" : path;
    }

    private String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String quoted(String s) {
        return "\"" + (s.length() > 60 ? s.substring(0, 60) + "..." : s) + "\"";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
