package org.ssaeinspector.line;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import org.ssaeinspector.util.IoMessages;
import org.ssaeinspector.util.Json;
import org.ssaeinspector.util.UserFacingException;

/**
 * The hot folder's side journal ({@code <csv>.journal}): one JSON line per image that got a CSV
 * row, with the size and time the file had when it was scored. The CSV rows say which images are
 * done; the journal tells a file that was scored from a new file written later under the same name
 * (a camera whose counter started again). A torn last line (a crash while it was written) is
 * ignored.
 */
final class Journal implements AutoCloseable {
    /** One line. */
    record Entry(String path, long size, long modified) {
    }

    private static final ObjectWriter LINE = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final FileChannel channel;

    private Journal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Hands every complete entry to {@code entries}, then opens the journal for appending. */
    static Journal open(Path file, Consumer<Entry> entries) {
        try {
            read(file, entries);
            Files.createDirectories(file.toAbsolutePath().getParent());
            boolean torn = endsTorn(file);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            if (torn) {
                channel.write(ByteBuffer.wrap(new byte[] {'\n'})); // close the torn line; it is skipped when read
            }
            return new Journal(file, channel);
        } catch (IOException e) {
            throw new UserFacingException(file + ": cannot open the journal (" + IoMessages.reason(e) + ")", e);
        }
    }

    private static void read(Path file, Consumer<Entry> entries) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Entry e = Json.mapper().readValue(line, Entry.class);
                    if (e.path() != null) {
                        entries.accept(e);
                    }
                } catch (JsonProcessingException e) {
                    // A line torn by a crash: its image has no row either, or the row alone tells.
                }
            }
        } catch (NoSuchFileException e) {
            // A first run.
        }
    }

    /** Whether the file ends in a line without its line end. */
    private static boolean endsTorn(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, channel.size() - 1);
            return last.get(0) != '\n';
        }
    }

    /** Appends one entry and forces it to disk. */
    void add(Entry entry) {
        try {
            byte[] line = (LINE.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UserFacingException(file + ": cannot write the journal (" + IoMessages.reason(e) + ")", e);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
