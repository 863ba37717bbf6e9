package org.ssaeinspector.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssaeinspector.testing.SpecialFiles;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private static void write(Path target, String text) throws IOException {
        AtomicFiles.write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws Exception {
        Path target = Files.writeString(dir.resolve("report.csv"), "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), list(dir));
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

    @Test
    void aSymbolicLinkIsWrittenThroughAndStaysALink() throws Exception {
        Path real = Files.writeString(Files.createDirectory(dir.resolve("real")).resolve("report.csv"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("real", "report.csv"));
        Path linkToLink = Files.createSymbolicLink(dir.resolve("link2.csv"), link);
        write(linkToLink, "new");
        assertTrue(Files.isSymbolicLink(link) && Files.isSymbolicLink(linkToLink));
        assertEquals("new", Files.readString(real));
        assertEquals(List.of(real), list(real.getParent()), "the temp file lived beside the target and is gone");

        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.csv"), Path.of("real", "later.csv"));
        write(dangling, "created");
        assertEquals("created", Files.readString(real.resolveSibling("later.csv")));
        assertTrue(Files.isSymbolicLink(dangling));
    }

    @Test
    void aLinkLoopIsRefusedWithAReason() throws Exception {
        Path a = dir.resolve("a.csv");
        Files.createSymbolicLink(a, dir.resolve("b.csv"));
        Files.createSymbolicLink(dir.resolve("b.csv"), a);
        IOException e = assertThrows(IOException.class, () -> write(a, "x"));
        assertEquals("too many levels of symbolic links", IoMessages.reason(e));
    }

    @Test
    void aFifoIsWrittenInPlaceAndStaysAFifo() throws Exception {
        Path fifo = dir.resolve("pipe.csv");
        assumeTrue(SpecialFiles.mkfifo(fifo), "mkfifo is available");
        CompletableFuture<String> reader = SpecialFiles.readAll(fifo);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            AtomicFiles.checkWritable(fifo);
            write(fifo, "through the pipe");
            assertEquals("through the pipe", reader.get());
        });
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo) && !Files.isDirectory(fifo), "still a FIFO");
        assertEquals(List.of(fifo), list(dir));
    }

    /** What --csv /dev/stdout meets when stdout is redirected to a file: a /proc descriptor link to that file. */
    @Test
    void aDescriptorLinkIsWrittenThroughTheOpenFileAppendingNotRenamedOver() throws Exception {
        Path redirected = Files.writeString(dir.resolve("stdout.txt"), "earlier output\n");
        try (FileChannel open = FileChannel.open(redirected, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            Path descriptor = descriptorOf(redirected);
            assumeTrue(descriptor != null, "Linux /proc/self/fd");
            Path link = Files.createSymbolicLink(dir.resolve("stdout"), descriptor); // like /dev/stdout
            Object inode = Files.getAttribute(redirected, "unix:ino");
            write(link, "csv rows\n");
            assertEquals("earlier output\ncsv rows\n", Files.readString(redirected));
            assertEquals(inode, Files.getAttribute(redirected, "unix:ino"), "the open file itself, not a replacement");
        }
    }

    private static Path descriptorOf(Path file) throws IOException {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return null;
        }
        try (Stream<Path> s = Files.list(fds)) {
            for (Path fd : s.toList()) {
                try {
                    if (Files.readSymbolicLink(fd).equals(file.toRealPath())) {
                        return fd;
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        return null;
    }

    @Test
    void aReadOnlyFileIsRefusedEvenForRootAndKept() throws Exception {
        Path target = Files.writeString(dir.resolve("locked.csv"), "keep me");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r--r--r--"));
        AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> write(target, "x"));
        assertEquals("the file is read-only", IoMessages.reason(e));
        assertThrows(AccessDeniedException.class, () -> AtomicFiles.checkWritable(target));
        assertEquals("keep me", Files.readString(target));
        assertEquals(List.of(target), list(dir));
    }

    @Test
    void aFolderIsRefusedAndItsContentKept() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("out.csv"));
        Files.writeString(folder.resolve("inside"), "x");
        IOException e = assertThrows(IOException.class, () -> write(folder, "x"));
        assertEquals("it is a folder, expected a file name", IoMessages.reason(e));
        assertEquals(List.of(folder.resolve("inside")), list(folder));
    }

    @Test
    void staleTempFilesOfOursAreRemovedAndNothingElse() throws Exception {
        Path target = dir.resolve("model.ssae");
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        // pid 2^31-1 is above any Linux pid_max: a process that is gone.
        Path stale = touch(".model.ssae.2147483647.123" + TempFiles.SUFFIX, old);
        Path running = touch(".model.ssae." + ProcessHandle.current().pid() + ".456" + TempFiles.SUFFIX, old);
        Path justNow = touch(".model.ssae.2147483647.789" + TempFiles.SUFFIX, FileTime.from(Instant.now()));
        Path otherTarget = touch(".other.ssae.2147483647.123" + TempFiles.SUFFIX, old);
        Path notOurs = touch(".model.ssae.tmp", old);
        write(target, "m");
        assertFalse(Files.exists(stale));
        for (Path kept : List.of(running, justNow, otherTarget, notOurs)) {
            assertTrue(Files.exists(kept), kept.toString());
        }
    }

    @Test
    void checkWritableTriesTheFolderAndLeavesNothing() throws Exception {
        Path blocker = Files.writeString(dir.resolve("plain"), "x");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.checkWritable(blocker.resolve("sub/out.csv")));
        assertTrue(IoMessages.reason(e).contains("a file is in the way"), IoMessages.reason(e));
        AtomicFiles.checkWritable(dir.resolve("new/deeper/out.csv"));
        assertFalse(Files.exists(dir.resolve("new")), "checking creates no folders");
        assertEquals(List.of(blocker), list(dir));
    }

    @Test
    void checkWritableRefusesAFileSystemThatTakesNoNewFiles() {
        Path proc = Path.of("/proc");
        assumeTrue(Files.isDirectory(proc.resolve("self")), "Linux /proc");
        assertThrows(IOException.class, () -> AtomicFiles.checkWritable(proc.resolve("x.csv")));
    }

    @Test
    void aPartialOutputKeepsWhatWasWrittenUntilCommittedThenBecomesTheTarget() throws Exception {
        Path target = Files.writeString(dir.resolve("scores.csv"), "previous");
        Path partial = dir.resolve("scores.csv" + AtomicFiles.PARTIAL_SUFFIX);
        try (AtomicFiles.Output out = AtomicFiles.openPartial(target)) {
            out.stream().write("row 1\n".getBytes(StandardCharsets.UTF_8));
            out.stream().flush();
            assertEquals(partial, out.writingTo());
            assertEquals("row 1\n", Files.readString(partial), "on disk before the run ends");
        }
        assertEquals("row 1\n", Files.readString(partial), "an abandoned run keeps its rows");
        assertEquals("previous", Files.readString(target));
        try (AtomicFiles.Output out = AtomicFiles.openPartial(target)) {
            out.stream().write("all rows\n".getBytes(StandardCharsets.UTF_8));
            out.commit();
        }
        assertEquals("all rows\n", Files.readString(target));
        assertEquals(List.of(target), list(dir));
    }

    private Path touch(String name, FileTime time) throws IOException {
        Path p = Files.createFile(dir.resolve(name));
        Files.setLastModifiedTime(p, time);
        return p;
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }
}
