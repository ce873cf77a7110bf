package org.mbmskeys.adapters.app.admin;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.mbmskeys.adapters.app.support.TerminalText;

/**
 * A plain-text table with a header row, columns as wide as their widest cell. Every cell is made safe for the
 * terminal: the text comes from the BM-SC's answers.
 */
final class TextTable {

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    TextTable(String... header) {
        this.columns = header.length;
        rows.add(header);
    }

    TextTable row(Object... cells) {
        String[] row = new String[columns];
        for (int i = 0; i < columns; i++) {
            Object cell = i < cells.length ? cells[i] : null;
            row[i] = cell == null ? "-" : TerminalText.safe(cell.toString());
        }
        rows.add(row);
        return this;
    }

    /** True if no row was added under the header. */
    boolean isEmpty() {
        return rows.size() == 1;
    }

    void print(PrintWriter out) {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
