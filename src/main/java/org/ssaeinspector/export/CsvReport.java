package org.ssaeinspector.export;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.ssaeinspector.util.Decimals;
import org.ssaeinspector.util.AtomicFiles;
import org.ssaeinspector.util.IoMessages;
import org.ssaeinspector.util.OutputTarget;
import org.ssaeinspector.util.UserFacingException;

/**
 * The per-image CSV report: UTF-8 (no byte-order mark), comma-separated, one header line, "\n"
 * line ends, RFC 4180 quoting.
 *
 * <p>Numbers are written as plain decimals ({@code 0.00012}, never {@code 1.2E-4}) with six
 * significant digits: scores are estimates, and fifteen digits only hide the ones that matter.
 * {@code flagged} is judged on the unrounded numbers, so a score within rounding of the threshold
 * may print equal to it. {@code bbox_*} is the box around all regions
 * and {@code defect_area_px} the sum of their areas; the four bbox cells are empty when there is
 * no region. {@code label} is {@code good}, {@code defective} or empty; {@code defect_type} is
 * the defect folder's name, empty for a good part. {@code problem} is empty, or
 * says what went wrong with that image; an image that could not be scored has empty {@code score},
 * {@code flagged}, {@code regions}, {@code defect_area_px} and {@code another_shape} cells.
 * {@code another_shape} is {@code true} when the photo's width / height is more than 5 % off the
 * training photos' and it was judged against the calibration's statistics pooled over the photo
 * (where on the part a residual is usual cannot be told for it: docs/method.md), else {@code false}.
 * Reports written before that column ({@link #COLUMNS_BEFORE_SHAPE}) are still read and appended
 * to in their own columns.
 *
 * <p>Spreadsheet formula injection: a text cell (path, label, defect type, checksum, heatmap
 * path) that begins with {@code = + - @}, a tab or a carriage return gets a leading apostrophe,
 * so Excel, LibreOffice and Google Sheets show it as text instead of running it (OWASP's
 * advice). Number cells are never changed: a negative score such as {@code -0.5} stays a number.
 * A non-finite number (NaN, Infinity) is not a number to a spreadsheet and is treated as text.
 */
public final class CsvReport {
    public static final List<String> COLUMNS = List.of("path", "score", "threshold", "flagged", "label",
            "defect_type", "regions", "bbox_x", "bbox_y", "bbox_w", "bbox_h", "defect_area_px", "model_sha256",
            "heatmap", "problem", "another_shape");
    /** The columns of reports written before {@code another_shape}: a hot folder's report outlives an upgrade. */
    public static final List<String> COLUMNS_BEFORE_SHAPE = COLUMNS.subList(0, COLUMNS.size() - 1);

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader(COLUMNS.toArray(String[]::new))
            .setRecordSeparator("\n")
            .get();

    private CsvReport() {
    }

    /**
     * Writes the report atomically (a temporary file renamed into place, so a failure leaves any
     * previous report untouched and no partial file behind).
     *
     * @throws UserFacingException when the file cannot be written; the message names it
     */
    public static void write(Path csv, List<ReportRow> rows) {
        try {
            AtomicFiles.write(csv, out -> {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                write(writer, rows);
                writer.flush();
            });
        } catch (IOException e) {
            throw new UserFacingException("Cannot write the CSV report " + csv + ": " + IoMessages.reason(e), e);
        }
    }

    /**
     * Opens a report that is written row by row as results come (long runs): the rows go to
     * {@code <csv>.partial}, each on disk as soon as it is added, and the file becomes {@code csv}
     * on {@link Stream#commit()}; a run that ends otherwise leaves the partial file with the rows
     * it finished. A device or FIFO target is written directly.
     */
    public static Stream open(Path csv) {
        try {
            AtomicFiles.Output output = AtomicFiles.openPartial(csv);
            return new Stream(csv, output);
        } catch (IOException e) {
            throw new UserFacingException("Cannot write the CSV report " + csv + ": " + IoMessages.reason(e), e);
        }
    }

    /**
     * A report being written row by row; see {@link #open}. Not thread-safe. A row that cannot be
     * written (a full disk) ends the report: the file is cut back to the rows before it, and the
     * message says where they are.
     */
    public static final class Stream implements java.io.Closeable {
        private final Path csv;
        private final AtomicFiles.Output output;
        private final CountingStream bytes;
        private final CSVPrinter printer;
        private long completeBytes;
        private int rows;

        private Stream(Path csv, AtomicFiles.Output output) throws IOException {
            this.csv = csv;
            this.output = output;
            this.bytes = new CountingStream(output.stream());
            this.printer = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), FORMAT);
            printer.flush();
            completeBytes = bytes.count;
        }

        /**
         * Adds one row and pushes it to the file (so an interrupted run keeps it).
         *
         * @throws UserFacingException when it cannot be written; the rows before it stay
         */
        public void add(ReportRow row) {
            try {
                printer.printRecord(cells(row));
                printer.flush();
                rows++;
                completeBytes = bytes.count;
            } catch (IOException e) {
                throw new UserFacingException(failedAfter(e), e);
            }
        }

        private String failedAfter(IOException e) {
            Path file = output.writingTo();
            String rowsBefore;
            try {
                rowsBefore = output.truncate(completeBytes) // a row half written is no row
                        ? "the " + rows + " row(s) before it are kept in " + file
                        : rows + " row(s) went to " + file + " before";
            } catch (IOException again) {
                rowsBefore = rows + " row(s) were written before (the last line of " + file + " may be cut off)";
            }
            return "Cannot write the CSV report " + file + ": " + IoMessages.reason(e) + "; the run stopped, " + rowsBefore;
        }

        /** Where the rows are until the commit. */
        public Path writingTo() {
            return output.writingTo();
        }

        public int rows() {
            return rows;
        }

        /** Puts the complete report in place under its own name. */
        public void commit() {
            try {
                printer.flush();
                output.commit();
            } catch (IOException e) {
                throw new UserFacingException("Cannot write the CSV report " + csv + ": " + IoMessages.reason(e), e);
            }
        }

        /** Without a commit, leaves the partial file as it is. */
        @Override
        public void close() throws IOException {
            output.close();
        }
    }

    /** One row of an existing report, as much of it as a run that appends to the report needs back. */
    public record Recorded(String path, boolean scored, boolean flagged, String problem) {
    }

    /**
     * Opens a report that a long-running process appends rows to (the hot folder's), keeping the
     * rows already there, each of which is handed to {@code existing} first: a missing or empty file
     * gets the header; an existing one must have this report's columns; a last row that a crash cut
     * short (no line end) is removed, since its image was not finished. Each added row is flushed
     * and forced to disk at once. Links are followed; devices and FIFOs are refused, since the rows
     * are read back on the next start.
     *
     * @throws UserFacingException when the file cannot be read, written or is another CSV
     */
    public static Appender appendTo(Path csv, Consumer<Recorded> existing) {
        try {
            OutputTarget target = OutputTarget.of(csv);
            if (target.kind() == OutputTarget.Kind.SPECIAL) {
                throw new UserFacingException(csv + ": must be a regular file (its rows are read back when the run starts again)");
            }
            Path file = target.file();
            Files.createDirectories(target.folder());
            long kept;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                kept = completeLength(channel);
                if (kept < channel.size()) {
                    channel.truncate(kept);
                    channel.force(true);
                }
            }
            List<String> columns = kept > 0 ? readRows(csv, file, existing) : COLUMNS;
            return new Appender(csv, FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND), kept == 0,
                    columns.size());
        } catch (IOException e) {
            throw new UserFacingException("Cannot write the CSV report " + csv + ": " + IoMessages.reason(e), e);
        }
    }

    /** Bytes up to and including the last line end (0 when there is none). */
    private static long completeLength(FileChannel channel) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        long end = channel.size();
        while (end > 0) {
            long start = Math.max(0, end - buf.capacity());
            buf.clear().limit((int) (end - start));
            channel.read(buf, start);
            for (int i = buf.position() - 1; i >= 0; i--) {
                if (buf.get(i) == '\n') {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return 0;
    }

    /**
     * Hands every row of a report this program wrote to {@code rows}, in order.
     *
     * @throws UserFacingException when it cannot be read or is another CSV
     */
    public static void read(Path csv, Consumer<Recorded> rows) {
        try {
            readRows(csv, csv, rows);
        } catch (IOException e) {
            throw new UserFacingException(csv + ": cannot read the CSV report (" + IoMessages.reason(e) + ")", e);
        }
    }

    /** Reads the rows back; returns the report's columns ({@link #COLUMNS} or {@link #COLUMNS_BEFORE_SHAPE}). */
    private static List<String> readRows(Path csv, Path file, Consumer<Recorded> existing) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8, format)) {
            List<String> columns = parser.getHeaderNames();
            if (!columns.equals(COLUMNS) && !columns.equals(COLUMNS_BEFORE_SHAPE)) {
                throw new UserFacingException(csv + ": not a report of this program (its columns are "
                        + String.join(",", columns) + "); name another CSV file");
            }
            for (CSVRecord r : parser) {
                if (r.size() != columns.size()) {
                    throw new UserFacingException(csv + ": line " + parser.getCurrentLineNumber() + " has " + r.size()
                            + " cells, expected " + columns.size() + "; name another CSV file");
                }
                existing.accept(new Recorded(untext(r.get("path")), !r.get("score").isEmpty(),
                        "true".equals(r.get("flagged")), untext(r.get("problem"))));
            }
            return List.copyOf(columns);
        } catch (java.io.UncheckedIOException e) {
            throw new UserFacingException(csv + ": not a readable CSV report (" + e.getCause().getMessage() + ")", e);
        }
    }

    /** A report being appended to, row by row; see {@link #appendTo}. Not thread-safe. */
    public static final class Appender implements java.io.Closeable {
        private final Path csv;
        private final FileChannel channel;
        private final CSVPrinter printer;
        /** The cells a row has in this file: fewer than {@link #COLUMNS} in a report written before the last column. */
        private final int cellCount;

        private Appender(Path csv, FileChannel channel, boolean withHeader, int cellCount) throws IOException {
            this.csv = csv;
            this.channel = channel;
            this.cellCount = cellCount;
            CSVFormat format = withHeader ? FORMAT : FORMAT.builder().setSkipHeaderRecord(true).get();
            this.printer = new CSVPrinter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8), format);
            printer.flush();
        }

        /** Adds one row and forces it to disk. */
        public void add(ReportRow row) {
            try {
                printer.printRecord(cells(row).subList(0, cellCount));
                printer.flush();
                channel.force(false);
            } catch (IOException e) {
                throw new UserFacingException("Cannot write the CSV report " + csv + ": " + IoMessages.reason(e), e);
            }
        }

        @Override
        public void close() throws IOException {
            printer.close();
        }
    }

    /** Counts the bytes its stream took without an error. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }
    }

    /** Writes the header and the rows to {@code out} (e.g. standard output); does not close it. */
    public static void write(Appendable out, List<ReportRow> rows) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, FORMAT);
        for (ReportRow row : rows) {
            printer.printRecord(cells(row));
        }
        printer.flush();
    }

    /** The cells of one row, in {@link #COLUMNS} order, as this report writes them. */
    public static List<String> cells(ReportRow row) {
        List<String> cells = new ArrayList<>(COLUMNS.size());
        cells.add(text(row.path().toString()));
        boolean scored = row.scored();
        cells.add(scored ? number(row.score()) : "");
        cells.add(number(row.threshold()));
        cells.add(scored ? Boolean.toString(row.flagged()) : "");
        cells.add(text(row.label().csvValue()));
        cells.add(text(row.defectType()));
        cells.add(scored ? Integer.toString(row.regions().size()) : "");
        int[] box = row.box();
        if (box == null) {
            cells.addAll(List.of("", "", "", ""));
        } else {
            cells.addAll(List.of(Integer.toString(box[0]), Integer.toString(box[1]), Integer.toString(box[2]),
                    Integer.toString(box[3])));
        }
        cells.add(scored ? Long.toString(row.defectAreaPx()) : "");
        cells.add(text(row.modelSha256()));
        cells.add(row.heatmap() == null ? "" : text(row.heatmap().toString()));
        cells.add(text(row.problem()));
        cells.add(scored ? Boolean.toString(row.anotherShape()) : "");
        return cells;
    }

    /** A text cell, defused if a spreadsheet would read it as a formula. */
    static String text(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }

    /** The text of a cell as {@link #text} wrote it. */
    static String untext(String cell) {
        if (cell.length() > 1 && cell.charAt(0) == '\'') {
            char second = cell.charAt(1);
            if (second == '=' || second == '+' || second == '-' || second == '@' || second == '\t' || second == '\r') {
                return cell.substring(1);
            }
        }
        return cell;
    }

    /** Significant digits of a number cell. */
    static final int DIGITS = 6;

    /** A number cell: {@link #DIGITS} significant digits, without exponent. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return text(Double.toString(value));
        }
        return Decimals.significant(value, DIGITS);
    }
}
