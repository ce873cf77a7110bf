package org.mbmskeys.mbms.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every choice the texts leave open is marked once in the code and explained once in docs/wire-profile.md,
 * and the two name it alike: an {@code @Unconfirmed} value starts with its U row ({@code "U6: ..."}), that
 * row is in the page's table, and every row the page calls unconfirmed has its marker in the code unless
 * the page says it is not implemented. No row may say the code differs from the texts.
 */
class UnconfirmedMarkersTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path PAGE = Path.of("../docs/wire-profile.md");
    private static final Pattern MARKER = Pattern.compile("@Unconfirmed\\(\\s*\"([^\"]*)\"");
    private static final Pattern ROW_ID = Pattern.compile("\\bU(\\d+)\\b");

    /** The U row each marker names, with the file it is in. */
    private static Map<String, List<String>> markers() throws IOException {
        Map<String, List<String>> byRow = new TreeMap<>();
        List<String> malformed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher m = MARKER.matcher(text);
                while (m.find()) {
                    Matcher row = Pattern.compile("^(U\\d+): \\S").matcher(m.group(1));
                    if (row.find()) {
                        byRow.computeIfAbsent(row.group(1), r -> new ArrayList<>()).add(file.getFileName().toString());
                    } else {
                        malformed.add(file.getFileName() + ": \"" + m.group(1) + "\"");
                    }
                }
            }
        }
        assertThat(malformed).as("@Unconfirmed values that do not start with their U row, as in \"U6: ...\"").isEmpty();
        return byRow;
    }

    /** The table rows of the page: first cell, then status cell. */
    private static List<String[]> rows() throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(PAGE)) {
            String[] cells = line.split("\\|");
            if (line.startsWith("| ") && cells.length >= 5 && !cells[1].isBlank() && !cells[1].contains("**")
                    && !cells[1].strip().equals("row") && !cells[1].startsWith("---")) {
                rows.add(new String[] {cells[1].strip(), cells[3].strip()});
            }
        }
        return rows;
    }

    @Test
    void everyMarkerNamesARowOfThePageAndEveryUnconfirmedRowHasAMarker() throws IOException {
        assertTrue(Files.exists(PAGE) && Files.isDirectory(SOURCES), "run from the procedures module of a source checkout");
        Map<String, List<String>> markers = markers();
        Set<String> documented = new TreeSet<>();
        Set<String> needMarkers = new TreeSet<>();
        for (String[] row : rows()) {
            Matcher id = ROW_ID.matcher(row[0]);
            while (id.find()) {
                documented.add("U" + id.group(1));
                if (row[1].startsWith("unconfirmed") || row[1].contains("unconfirmed (U" + id.group(1))) {
                    if (!row[1].contains("not implemented")) {
                        needMarkers.add("U" + id.group(1));
                    }
                }
            }
        }

        assertThat(markers).as("markers in the code").isNotEmpty();
        Set<String> undocumented = new TreeSet<>(markers.keySet());
        undocumented.removeAll(documented);
        Set<String> unmarked = new TreeSet<>(needMarkers);
        unmarked.removeAll(markers.keySet());
        assertThat(undocumented).as("U rows marked in the code but missing from the table of docs/wire-profile.md").isEmpty();
        assertThat(unmarked).as("U rows the page calls unconfirmed that no @Unconfirmed marks").isEmpty();
    }

    @Test
    void noRowOfThePageSaysTheCodeDiffersFromTheTexts() throws IOException {
        assertTrue(Files.exists(PAGE), "run from the procedures module of a source checkout");
        assertThat(rows()).as("rows of docs/wire-profile.md").isNotEmpty()
                .filteredOn(row -> row[1].startsWith("differs")).extracting(row -> row[0]).isEmpty();
    }
}
