package org.mbmskeys.engine.dsl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where each keyword call and bare name of one script sits, recorded from the syntax tree when the script
 * is compiled. At build time the stack tells the line a keyword runs on; this index turns that line and
 * the keyword's name into a column (and corrects the line when a call spans several lines). It also keeps
 * the source text of each {@code guard} call's condition ({@link GuardSource}), by the call's position.
 *
 * <p>Immutable after compilation, shared by every build of the same compiled script; the per-build
 * bookkeeping for several calls of one name on one line lives in the caller's {@code consumed} map.
 */
final class PositionIndex {

    record Call(int line, int column, int lastLine) {
        boolean spans(int l) {
            return line <= l && l <= Math.max(line, lastLine);
        }
    }

    private final Map<String, List<Call>> byName = new HashMap<>();
    private final Map<Long, String> guardSources = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final String[] lines;

    PositionIndex(String text) {
        this.lines = text.split("\r?\n", -1);
    }

    void add(String name, int line, int column, int lastLine) {
        if (line > 0 && seen.add(name + '@' + line + ':' + column)) {
            byName.computeIfAbsent(name, k -> new ArrayList<>()).add(new Call(line, column, lastLine));
        }
    }

    /**
     * The line and column of the call of {@code name} that runs on {@code frameLine}: the innermost call
     * spanning that line, else the nearest one above it. When one line has several, they are handed out
     * left to right as they run.
     *
     * @return {line, column}
     */
    int[] locate(String name, int frameLine, Map<String, Integer> consumed) {
        List<Call> calls = byName.getOrDefault(name, List.of());
        List<Call> spanning = calls.stream().filter(c -> c.spans(frameLine)).toList();
        List<Call> pool = spanning.isEmpty() ? calls.stream().filter(c -> c.line() <= frameLine).toList() : spanning;
        if (pool.isEmpty()) {
            return new int[] {frameLine, firstColumn(frameLine)};
        }
        int line = pool.stream().mapToInt(Call::line).max().getAsInt();
        List<Call> onLine = pool.stream().filter(c -> c.line() == line).sorted(Comparator.comparingInt(Call::column)).toList();
        String key = name + '@' + line;
        int n = consumed.merge(key, 1, Integer::sum) - 1;
        return new int[] {line, onLine.get(n % onLine.size()).column()};
    }

    /** Records the source text of the condition of the {@code guard} call at {@code line}:{@code column}. */
    void addGuardSource(int line, int column, String text) {
        guardSources.put(key(line, column), text);
    }

    /** The source text of the condition of the {@code guard} call at {@code line}:{@code column}, if it has one. */
    Optional<String> guardSource(int line, int column) {
        return Optional.ofNullable(guardSources.get(key(line, column)));
    }

    private static long key(int line, int column) {
        return ((long) line << 32) | (column & 0xffffffffL);
    }

    /**
     * The text from {@code line}:{@code column} up to, not including, {@code lastLine}:{@code lastColumn}
     * (all 1-based, as the parser gives them), or empty when the range is not inside the script.
     */
    Optional<String> text(int line, int column, int lastLine, int lastColumn) {
        if (line < 1 || lastLine < line || lastLine > lines.length || column < 1 || lastColumn < 1
                || column - 1 > lines[line - 1].length() || lastColumn - 1 > lines[lastLine - 1].length()
                || line == lastLine && lastColumn < column) {
            return Optional.empty();
        }
        if (line == lastLine) {
            return Optional.of(lines[line - 1].substring(column - 1, lastColumn - 1));
        }
        StringBuilder out = new StringBuilder(lines[line - 1].substring(column - 1));
        for (int l = line + 1; l < lastLine; l++) {
            out.append('\n').append(lines[l - 1]);
        }
        return Optional.of(out.append('\n').append(lines[lastLine - 1], 0, lastColumn - 1).toString());
    }

    /** The column of the first non-blank character of {@code line}, 1 if there is none. */
    int firstColumn(int line) {
        if (line < 1 || line > lines.length) {
            return 1;
        }
        String text = lines[line - 1];
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return i + 1;
            }
        }
        return 1;
    }

    /** The character at {@code line}:{@code column} (1-based), if there is one. */
    Optional<Character> charAt(int line, int column) {
        if (line < 1 || line > lines.length || column < 1 || column > lines[line - 1].length()) {
            return Optional.empty();
        }
        return Optional.of(lines[line - 1].charAt(column - 1));
    }

    int lineCount() {
        return lines.length;
    }
}
