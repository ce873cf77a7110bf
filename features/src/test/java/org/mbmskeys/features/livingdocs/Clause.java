package org.mbmskeys.features.livingdocs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A clause of a specification, as the features and scripts cite it: {@code §6.3.2.1A}, {@code Annex G},
 * {@code Annex G.2} of TS 33.246 unless another document is named right before it
 * ({@code TS 33.220 §4.5.2}, {@code RFC 3830 §5.1}). Ordered as the documents number them: TS 33.246
 * first, numbered clauses before annexes, {@code §6.3.2} before {@code §6.3.2.1} before {@code §6.3.2.1A}
 * before {@code §6.3.10}.
 *
 * @param document {@code TS 33.246}, {@code TS 33.220}, {@code RFC 3830}, ...
 * @param clause   {@code §6.3.2.1A} or {@code Annex G.2}
 */
record Clause(String document, String clause) implements Comparable<Clause> {

    /** The specification this project implements; a bare clause reference means it. */
    static final String MAIN = "TS 33.246";

    /** An optional document, then {@code §n.n...[A-Z]} or {@code Annex X[.n...]}. */
    private static final Pattern REFERENCE = Pattern.compile(
            "(?:\\b(TS|TR)\\s*(\\d{2}\\.\\d{3})\\s*,?\\s*|\\b(RFC)\\s*(\\d{3,5})\\s*,?\\s*)?"
                    + "(?:§\\s*(\\d+(?:\\.\\d+)*[A-Z]?)|\\bAnnex\\s+([A-Z](?:\\.\\d+)*)\\b)");

    /** What may stand between two references for the second to share the first one's document. */
    private static final Pattern LIST_GAP = Pattern.compile("(?:\\s|,|;|/|&|\\band\\b|\\bor\\b)*");

    Clause {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(clause, "clause");
    }

    /**
     * Every clause {@code text} cites, in order, each once. A reference right after another in a list
     * ({@code RFC 3830 §5.1, §5.2}) shares its document.
     */
    static List<Clause> citedIn(String text) {
        List<Clause> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = REFERENCE.matcher(text);
        String lastDocument = null;
        int lastEnd = -1;
        while (m.find()) {
            String document;
            if (m.group(1) != null) {
                document = m.group(1) + " " + m.group(2);
            } else if (m.group(3) != null) {
                document = "RFC " + m.group(4);
            } else if (lastDocument != null && LIST_GAP.matcher(text.substring(lastEnd, m.start())).matches()) {
                document = lastDocument;
            } else {
                document = MAIN;
            }
            String clause = m.group(5) != null ? "§" + m.group(5) : "Annex " + m.group(6);
            Clause c = new Clause(document, clause);
            if (!out.contains(c)) {
                out.add(c);
            }
            lastDocument = document;
            lastEnd = m.end();
        }
        return out;
    }

    boolean isMain() {
        return document.equals(MAIN);
    }

    /** {@code §6.3.2.1A} for TS 33.246, {@code RFC 3830 §5.1} for another document. */
    String label() {
        return isMain() ? clause : document + " " + clause;
    }

    /** An id usable in a URL fragment: {@code TS-33.246-6.3.2.1A}. */
    String anchor() {
        return (document + "-" + clause).replace("§", "").replaceAll("[^A-Za-z0-9.]+", "-");
    }

    @Override
    public int compareTo(Clause o) {
        if (isMain() != o.isMain()) {
            return isMain() ? -1 : 1;
        }
        int c = document.compareTo(o.document);
        if (c != 0) {
            return c;
        }
        boolean annex = clause.startsWith("Annex");
        if (annex != o.clause.startsWith("Annex")) {
            return annex ? 1 : -1;
        }
        return compareNumbers(parts(clause), parts(o.clause));
    }

    private static List<String> parts(String clause) {
        return List.of(clause.replaceFirst("^(§|Annex )", "").split("\\."));
    }

    /** Part by part; a part compares by its number, then by its letter ({@code 1} &lt; {@code 1A} &lt; {@code 2}). */
    private static int compareNumbers(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = comparePart(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int comparePart(String a, String b) {
        String na = a.replaceAll("\\D", "");
        String nb = b.replaceAll("\\D", "");
        if (!na.isEmpty() && !nb.isEmpty()) {
            int c = Long.compare(Long.parseLong(na), Long.parseLong(nb));
            if (c != 0) {
                return c;
            }
        }
        return a.compareTo(b);
    }

    @Override
    public String toString() {
        return label();
    }
}
