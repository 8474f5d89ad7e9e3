package dev.idaas.connector.testkit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with aligned columns, for listings on a terminal. Widths count the columns a
 * terminal gives each character, so Chinese names line up too; the last column is never padded.
 */
final class TextTable {

  private static final String GAP = "  ";

  private final List<String[]> rows = new ArrayList<>();
  private final int columns;

  TextTable(String... headings) {
    this.columns = headings.length;
    rows.add(headings.clone());
  }

  /**
   * Adds a row.
   *
   * @throws IllegalArgumentException if it has another number of cells than the headings
   */
  void add(String... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException(
          "a row of " + cells.length + " cells in a table of " + columns + " columns");
    }
    rows.add(cells.clone());
  }

  void print(PrintWriter out) {
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], width(row[i]));
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        line.append(row[i]);
        if (i < columns - 1) {
          line.append(" ".repeat(widths[i] - width(row[i]))).append(GAP);
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }

  /** The columns a terminal gives a text: two for each wide (East Asian) character. */
  static int width(String text) {
    return text.codePoints().map(TextTable::columnsOf).sum();
  }

  private static int columnsOf(int codePoint) {
    boolean wide =
        codePoint >= 0x1100 && codePoint <= 0x115F
            || codePoint >= 0x2E80 && codePoint <= 0xA4CF
            || codePoint >= 0xAC00 && codePoint <= 0xD7A3
            || codePoint >= 0xF900 && codePoint <= 0xFAFF
            || codePoint >= 0xFE30 && codePoint <= 0xFE4F
            || codePoint >= 0xFF00 && codePoint <= 0xFF60
            || codePoint >= 0xFFE0 && codePoint <= 0xFFE6
            || codePoint >= 0x1F300 && codePoint <= 0x1FAFF
            || codePoint >= 0x20000 && codePoint <= 0x3FFFD;
    return wide ? 2 : 1;
  }
}
