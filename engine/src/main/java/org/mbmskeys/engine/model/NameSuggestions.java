package org.mbmskeys.engine.model;

import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;

/**
 * "Did you mean" hints for names that were mistyped: a keyword, a state, an input. Every load-time message
 * that rejects a name ends with what is allowed instead, built here so the wording is the same everywhere.
 *
 * <pre>{@code
 * NameSuggestions.closest("sendng", List.of("sending", "done"));   // Optional["sending"]
 * NameSuggestions.hint("sendng", List.of("sending", "done"), "declared states");
 * // "did you mean 'sending'? declared states: done, sending"
 * }</pre>
 */
public final class NameSuggestions {

    private NameSuggestions() {
    }

    /**
     * The candidate closest to {@code typo} by edit distance (case-insensitive), if it is close enough to
     * be a plausible typo: at most a third of the longer name's length (at least 1 edit), and fewer edits
     * than the typo has letters (so 'x' suggests nothing).
     */
    public static Optional<String> closest(String typo, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : new TreeSet<>(candidates)) {
            int d = distance(typo.toLowerCase(), candidate.toLowerCase());
            int allowed = Math.max(1, Math.max(typo.length(), candidate.length()) / 3);
            if (d <= allowed && d < typo.length() && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * {@code "did you mean 'x'? <noun>: a, b, c"}, or {@code "<noun>: a, b, c"} when nothing is close, or
     * {@code "there are no <noun>"} when there are no candidates. Candidates are listed sorted.
     */
    public static String hint(String typo, Collection<String> candidates, String noun) {
        if (candidates.isEmpty()) {
            return "there are no " + noun;
        }
        String list = noun + ": " + String.join(", ", new TreeSet<>(candidates));
        return closest(typo, candidates).map(c -> "did you mean '" + c + "'? " + list).orElse(list);
    }

    /** Levenshtein distance with adjacent transpositions counted as one edit ("desription" vs "description"). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
