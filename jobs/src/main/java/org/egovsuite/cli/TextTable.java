package org.egovsuite.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A console table whose columns are as wide as their widest cell, so values line up whatever their
 * length (fixed widths broke on long rule ids and run ids). Right-aligned columns are given by
 * index (numbers).
 */
final class TextTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();
  private final java.util.Set<Integer> right;

  TextTable(List<String> header, java.util.Set<Integer> right) {
    this.header = header;
    this.right = right;
  }

  TextTable row(List<String> cells) {
    rows.add(cells);
    return this;
  }

  String render(String indent) {
    int[] widths = new int[header.size()];
    for (List<String> line : concat()) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> line : concat()) {
      StringBuilder text = new StringBuilder(indent);
      for (int i = 0; i < widths.length; i++) {
        String cell = line.get(i);
        String pad = " ".repeat(widths[i] - cell.length());
        text.append(right.contains(i) ? pad + cell : cell + pad)
            .append(i < widths.length - 1 ? "  " : "");
      }
      out.append(text.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  private List<List<String>> concat() {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    return all;
  }
}
