package org.ssaeinspector.util;

import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file through a temporary sibling, an fsync and a rename, so a crash, a full disk or a
 * cancelled save never leaves a half-written file under the real name. Symbolic links are written
 * through to their target; devices and FIFOs (where a rename would replace the special file with a
 * regular one) are written directly; folders and read-only files are refused (see {@link OutputTarget}).
 */
public final class AtomicFiles {
    /** What a plain new file gets under the usual umask; temp files are created owner-only. */
    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");
    static final String PARTIAL_SUFFIX = ".partial";

    private AtomicFiles() {
    }

    @FunctionalInterface
    public interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }

    public static void write(Path target, StreamWriter writer) throws IOException {
        try (Output out = open(target)) {
            writer.write(out.stream());
            out.commit();
        }
    }

    /** An output whose temp file is hidden and deleted unless {@link Output#commit() committed}. */
    public static Output open(Path target) throws IOException {
        return open(target, false);
    }

    /**
     * An output written to {@code <name>.partial} beside the target, for long runs that stream
     * their results: whatever was written stays there when the run ends without a commit.
     */
    public static Output openPartial(Path target) throws IOException {
        return open(target, true);
    }

    private static Output open(Path target, boolean keepPartial) throws IOException {
        OutputTarget t = OutputTarget.of(target);
        if (t.kind() == OutputTarget.Kind.SPECIAL) {
            // Appending: a shell redirect (> out.txt behind /dev/stdout) keeps what came before.
            return new Output(t, null, FileChannel.open(t.file(), StandardOpenOption.WRITE, StandardOpenOption.APPEND), false);
        }
        Files.createDirectories(t.folder());
        TempFiles.removeStale(t.file());
        Path temp;
        if (keepPartial) {
            temp = t.file().resolveSibling(t.file().getFileName() + PARTIAL_SUFFIX);
            Files.deleteIfExists(temp); // a partial file of an earlier run, or a link planted in its place
            Files.createFile(temp);
        } else {
            temp = TempFiles.create(t.file());
        }
        return new Output(t, temp, FileChannel.open(temp, StandardOpenOption.WRITE), keepPartial);
    }

    /**
     * Fails, without writing anything, when {@link #write} would fail for a reason known up front:
     * a folder or read-only file in the way, a folder that cannot be created or written, a file
     * system that refuses new files ({@code /proc}). Commands call it before long work starts.
     */
    public static void checkWritable(Path target) throws IOException {
        OutputTarget t = OutputTarget.of(target);
        if (t.kind() == OutputTarget.Kind.SPECIAL) {
            return;
        }
        Path folder = t.folder();
        while (!Files.exists(folder)) {
            folder = folder.getParent();
        }
        if (!Files.isDirectory(folder)) {
            throw new java.nio.file.NotDirectoryException(folder.toString());
        }
        // Permission bits do not tell the whole story (root, read-only mounts, /proc): try it.
        Files.delete(TempFiles.create(folder.resolve(t.file().getFileName())));
    }

    /** Creates {@code folder} if needed and fails when no file can be written into it (checked by trying). */
    public static void checkWritableFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.delete(TempFiles.create(folder.resolve("write-check")));
    }

    /** The permissions of the file it replaces, or those of an ordinary new file (where POSIX permissions exist). */
    private static void keepUsualPermissions(Path tmp, Path target) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
            return;
        }
        Files.setPosixFilePermissions(tmp, Files.exists(target) ? Files.getPosixFilePermissions(target) : NEW_FILE);
    }

    /** Makes the rename itself durable; not every platform can open a folder (Windows), which is fine. */
    private static void syncFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // The file's own data is already on disk; only the rename may be lost in a power cut.
        }
    }

    /** One file being written: {@link #commit()} puts it in place; {@link #close()} without it abandons it. */
    public static final class Output implements Closeable {
        private final OutputTarget target;
        private final Path temp;
        private final FileChannel channel;
        private final OutputStream stream;
        private final boolean keepPartial;
        private boolean done;

        private Output(OutputTarget target, Path temp, FileChannel channel, boolean keepPartial) {
            this.target = target;
            this.temp = temp;
            this.channel = channel;
            this.keepPartial = keepPartial;
            // Callers close their own writers; the channel is ours to close.
            this.stream = new FilterOutputStream(Channels.newOutputStream(channel)) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }

        public OutputStream stream() {
            return stream;
        }

        /** Where the bytes are now: the partial or temp file, or the special file itself. */
        public Path writingTo() {
            return temp == null ? target.file() : temp;
        }

        /**
         * Cuts the partial or temp file back to its first {@code size} bytes; false for a special
         * file, which is left as it is.
         */
        public boolean truncate(long size) throws IOException {
            if (temp == null) {
                return false;
            }
            channel.truncate(size);
            return true;
        }

        /** Forces the bytes to disk and renames the temp file over the target. */
        public void commit() throws IOException {
            stream.flush();
            if (temp == null) {
                done = true;
                channel.close();
                return;
            }
            channel.force(true);
            channel.close();
            keepUsualPermissions(temp, target.file());
            try {
                Files.move(temp, target.file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target.file(), StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
            syncFolder(target.folder());
        }

        @Override
        public void close() throws IOException {
            if (done) {
                return;
            }
            done = true;
            channel.close();
            if (temp != null && !keepPartial) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
