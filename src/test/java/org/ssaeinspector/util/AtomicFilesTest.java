package org.ssaeinspector.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws Exception {
        Path target = Files.writeString(dir.resolve("report.csv"), "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void newFilesAreReadableByOthersLikeOrdinaryFilesAndReplacedFilesKeepTheirPermissions() throws Exception {
        Path fresh = dir.resolve("new.ssae");
        AtomicFiles.write(fresh, out -> out.write(1));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
        Path shared = Files.writeString(dir.resolve("shared.csv"), "x");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicFiles.write(shared, out -> out.write(2));
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)));
        assertTrue(Files.size(shared) == 1);
    }
}
