package org.mbmskeys.steps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.mbmskeys.adapters.memory.Captured;

/**
 * The messages that crossed the network during one scenario, in sending order: what the living docs draw
 * as the scenario's sequence ("ladder") diagram. A step definition builds one at the end of a scenario
 * (typically from {@code MemoryNetwork.capture()}, with {@link Arrow#of}) and writes it with
 * {@link #writeFor(URI, int)}; scenarios that leave no ladder simply have no diagram.
 *
 * <p>Files live at {@code <root>/<feature>/<line>.json}, where {@code <root>} is the system property
 * {@value #PROPERTY} (the features POM sets {@code target/ladders/<backend>}), {@code <feature>} the
 * feature's path below the {@code features} folder without {@code .feature} and {@code <line>} the
 * scenario's line, as Cucumber's {@code Scenario.getUri()} and {@code getLine()} give them (and its JSON
 * report's {@code uri} and {@code line}). The format, one object:
 * <pre>{@code
 * {"format": 1, "scenario": "The UE registers and gets its MSK",
 *  "arrows": [
 *   {"at": 0,  "from": "ue-1", "to": "bmsc", "kind": "HTTP_REQUEST",  "label": "POST /keymanagement?requesttype=register", "fate": "DELIVERED", "note": ""},
 *   {"at": 0,  "from": "bmsc", "to": "ue-1", "kind": "HTTP_RESPONSE", "label": "401",           "fate": "DELIVERED", "note": ""},
 *   {"at": 20, "from": "bmsc", "to": "ue-1", "kind": "MIKEY", "label": "MSK message V 001-01 0101:0002 T=3", "fate": "DROPPED", "note": "partitioned"}]}
 * }</pre>
 * {@code at} is virtual time in milliseconds since the scenario began. Participants are drawn UEs first,
 * then the BM-SC, then the BSF, then any other node, each under the name the arrows give it.
 *
 * <p>Labels and notes are published on the site: name keys by their IDs ({@code MSK 0001:0002}), never
 * put key material (MUK, MRK, MSK, MTK, Ks_NAF, passwords) in them.
 *
 * @param scenario the scenario's name, for the reader of the file
 * @param arrows   in sending order
 */
public record Ladder(String scenario, List<Arrow> arrows) {

    /** The system property naming the folder of this run's ladders. */
    public static final String PROPERTY = "mbmskeys.features.ladders";

    /** The format version written in every file; a reader refuses others. */
    static final int FORMAT = 1;

    public Ladder {
        Objects.requireNonNull(scenario, "scenario");
        arrows = List.copyOf(arrows);
    }

    /** What kind of message an arrow is. */
    public enum Kind {
        /** A MIKEY datagram (UDP port 2269): MSK or MTK delivery, a verification message, a solicited pull. */
        MIKEY,
        /** An HTTP request: register, deregister, MSK request. */
        HTTP_REQUEST,
        /** The answer to an HTTP request. */
        HTTP_RESPONSE,
        /**
         * An exchange with the BSF: a UE's bootstrapping over Ub, a BM-SC's key request over Zn (TS 33.220).
         * The simulated BSF of the features is called in process, so these leave no bytes on the network:
         * the arrow shows where in the flow the exchange happened and what it answered.
         */
        GBA
    }

    /** What became of a message, as the in-memory network records it ({@link Captured.Fate}). */
    public enum Fate {
        /** It arrived (perhaps late, twice or corrupted: the arrow's note says). */
        DELIVERED,
        /** A fault rule dropped it, or the recipient was partitioned away. */
        DROPPED,
        /** No node had the destination's name. */
        UNDELIVERABLE
    }

    /**
     * One message.
     *
     * @param at    virtual milliseconds since the scenario began, when it was sent
     * @param from  the sending node (e.g. {@code ue-1}, {@code bmsc}, {@code bsf})
     * @param to    the receiving node (one arrow per recipient of a multicast)
     * @param kind  MIKEY, HTTP request or response
     * @param label what it is, short: {@code MSK message V 001-01 0101:0002 T=3}, {@code 401 Unauthorized}
     * @param fate  what became of it
     * @param note  anything else worth a word ({@code delayed PT2S}, {@code replay of #3}); empty if nothing
     */
    public record Arrow(long at, String from, String to, Kind kind, String label, Fate fate, String note) {

        public Arrow {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(fate, "fate");
            Objects.requireNonNull(note, "note");
            if (at < 0) {
                throw new IllegalArgumentException("an arrow at " + at + " ms is before the scenario began");
            }
        }

        /** A delivered message with nothing to note. */
        public Arrow(long at, String from, String to, Kind kind, String label) {
            this(at, from, to, kind, label, Fate.DELIVERED, "");
        }

        /**
         * The arrow of a message the in-memory network captured: its sender, recipient, kind (a datagram is
         * MIKEY), fate, and as note the fault rules' effects and what it replays.
         *
         * @param start when the scenario began, on the network's (virtual) clock
         * @param label what the message is, as the step that knows its content words it
         */
        public static Arrow of(Captured captured, Instant start, String label) {
            Kind kind = switch (captured.message().kind()) {
                case DATAGRAM -> Kind.MIKEY;
                case REQUEST -> Kind.HTTP_REQUEST;
                case RESPONSE -> Kind.HTTP_RESPONSE;
            };
            Fate fate = switch (captured.fate()) {
                case DELIVERED -> Fate.DELIVERED;
                case DROPPED -> Fate.DROPPED;
                case UNDELIVERABLE -> Fate.UNDELIVERABLE;
            };
            List<String> notes = new ArrayList<>(captured.effects());
            captured.replayOf().ifPresent(id -> notes.add("replay of #" + id));
            return new Arrow(Duration.between(start, captured.sent()).toMillis(), captured.message().sender(),
                    captured.message().recipient(), kind, label, fate, String.join(", ", notes));
        }
    }

    /** Writes this ladder to {@code file}, creating its folder. */
    public void write(Path file) {
        StringBuilder out = new StringBuilder()
                .append("{\"format\": ").append(FORMAT)
                .append(", \"scenario\": ").append(Json.quote(scenario))
                .append(",\n \"arrows\": [");
        for (int i = 0; i < arrows.size(); i++) {
            Arrow a = arrows.get(i);
            out.append(i == 0 ? "\n  " : ",\n  ")
                    .append("{\"at\": ").append(a.at())
                    .append(", \"from\": ").append(Json.quote(a.from()))
                    .append(", \"to\": ").append(Json.quote(a.to()))
                    .append(", \"kind\": ").append(Json.quote(a.kind().name()))
                    .append(", \"label\": ").append(Json.quote(a.label()))
                    .append(", \"fate\": ").append(Json.quote(a.fate().name()))
                    .append(", \"note\": ").append(Json.quote(a.note())).append('}');
        }
        out.append("]}\n");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ladder " + file, e);
        }
    }

    /**
     * Writes this ladder where the living docs look for the ladder of the scenario at {@code line} of the
     * feature {@code featureUri}, below the folder the system property {@value #PROPERTY} names (from a
     * hook: {@code ladder.writeFor(scenario.getUri(), scenario.getLine())}).
     *
     * @return the file written
     * @throws IllegalStateException if the property is not set (the POM sets it for each feature run)
     */
    public Path writeFor(URI featureUri, int line) {
        String root = System.getProperty(PROPERTY);
        if (root == null || root.isBlank()) {
            throw new IllegalStateException("system property " + PROPERTY + " names no folder; the features POM sets "
                    + "it to target/ladders/<backend> for each feature run");
        }
        Path file = fileFor(Path.of(root), featureUri.toString(), line);
        write(file);
        return file;
    }

    /** The ladder file of the scenario at {@code line} of the feature {@code featureUri} below {@code root}. */
    public static Path fileFor(Path root, String featureUri, int line) {
        return root.resolve(ScenarioId.of(featureUri, line).ladderFile());
    }

    /**
     * The ladder in {@code file}.
     *
     * @throws IllegalArgumentException if the file is not a ladder of a known format, saying what is wrong
     */
    public static Ladder read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ladder " + file, e);
        }
        try {
            Map<?, ?> root = (Map<?, ?>) Json.parse(text);
            Object format = root.get("format");
            if (!(format instanceof Long f) || f != FORMAT) {
                throw new IllegalArgumentException("format " + format + " is not " + FORMAT);
            }
            List<Arrow> arrows = new ArrayList<>();
            for (Object o : (List<?>) root.get("arrows")) {
                Map<?, ?> a = (Map<?, ?>) o;
                arrows.add(new Arrow(((Number) a.get("at")).longValue(), (String) a.get("from"), (String) a.get("to"),
                        Kind.valueOf(((String) a.get("kind")).toUpperCase(Locale.ROOT)), (String) a.get("label"),
                        Fate.valueOf(((String) a.get("fate")).toUpperCase(Locale.ROOT)),
                        a.get("note") == null ? "" : (String) a.get("note")));
            }
            return new Ladder((String) root.get("scenario"), arrows);
        } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " is not a ladder: " + e.getMessage(), e);
        }
    }

    /**
     * The nodes the arrows name, in drawing order: UEs, BM-SCs, the BSF, then others (multicast groups, unknown
     * names) as they appear. A node is a UE when its name starts with {@code ue} or it sends HTTP requests or
     * bootstraps with the BSF; a BM-SC when its name starts with {@code bmsc} or it answers HTTP requests or
     * asks the BSF over Zn (features name their UEs {@code alice}, their BM-SCs by FQDN). A name that says
     * {@code ue}, {@code bmsc} or {@code bsf} decides by itself.
     */
    public List<String> participants() {
        List<String> seen = new ArrayList<>();
        Map<String, Integer> roles = new java.util.HashMap<>();
        for (Arrow a : arrows) {
            for (String node : List.of(a.from(), a.to())) {
                if (!seen.contains(node)) {
                    seen.add(node);
                }
            }
            if (a.kind() == Kind.HTTP_REQUEST) {
                roles.merge(a.from(), 0, Math::min);
                roles.merge(a.to(), 1, Math::min);
            } else if (a.kind() == Kind.GBA && rank(a.to()) == 2 && a.label().startsWith("Ub")) {
                roles.merge(a.from(), 0, Math::min);
            } else if (a.kind() == Kind.GBA && rank(a.to()) == 2 && a.label().startsWith("Zn")) {
                roles.merge(a.from(), 1, Math::min);
            }
        }
        java.util.function.ToIntFunction<String> rank = node -> rank(node) < 3 ? rank(node) : roles.getOrDefault(node, 3);
        return seen.stream().sorted((a, b) -> rank.applyAsInt(a) != rank.applyAsInt(b)
                        ? Integer.compare(rank.applyAsInt(a), rank.applyAsInt(b))
                        : rank.applyAsInt(a) == 0 ? naturalOrder(a, b) : Integer.compare(seen.indexOf(a), seen.indexOf(b)))
                .collect(Collectors.toList());
    }

    /** The rank a node's name alone gives it. */
    private static int rank(String node) {
        String n = node.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (n.startsWith("ue")) {
            return 0;
        }
        if (n.startsWith("bmsc")) {
            return 1;
        }
        if (n.startsWith("bsf")) {
            return 2;
        }
        return 3;
    }

    /** {@code ue-2} before {@code ue-10}. */
    private static int naturalOrder(String a, String b) {
        String da = a.replaceAll("\\D", "");
        String db = b.replaceAll("\\D", "");
        if (!da.isEmpty() && !db.isEmpty() && da.length() != db.length()) {
            return Integer.compare(da.length(), db.length());
        }
        return a.compareTo(b);
    }
}
