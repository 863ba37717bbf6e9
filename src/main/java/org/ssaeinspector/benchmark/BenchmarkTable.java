package org.ssaeinspector.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ssaeinspector.util.AtomicFiles;

/**
 * A Markdown table in a document that benchmark commands append rows to. The table is found by
 * its header line; when the document or the table does not exist yet, it is created with a
 * heading. Everything else in the document is kept as it is.
 */
public final class BenchmarkTable {
    private final String heading;
    private final List<String> columns;

    public BenchmarkTable(String heading, List<String> columns) {
        this.heading = heading;
        this.columns = List.copyOf(columns);
    }

    public String headerLine() {
        return "| " + String.join(" | ", columns) + " |";
    }

    public void append(Path document, List<String> cells) throws IOException {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException(cells.size() + " cells for " + columns.size() + " columns");
        }
        String row = "| " + String.join(" | ", cells.stream().map(c -> c.replace("|", "\\|")).toList()) + " |";
        List<String> lines = Files.exists(document)
                ? new ArrayList<>(Files.readAllLines(document, StandardCharsets.UTF_8)) : new ArrayList<>();
        if (lines.isEmpty()) {
            lines.add("# Benchmarks");
            lines.add("");
        }
        int header = lines.indexOf(headerLine());
        if (header < 0) {
            if (!lines.get(lines.size() - 1).isBlank()) {
                lines.add("");
            }
            lines.add("## " + heading);
            lines.add("");
            lines.add(headerLine());
            lines.add("|" + " --- |".repeat(columns.size()));
            lines.add(row);
        } else {
            int end = header + 1;
            while (end < lines.size() && lines.get(end).startsWith("|")) {
                end++;
            }
            lines.add(end, row);
        }
        String text = String.join("\n", lines) + "\n";
        AtomicFiles.write(document, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
