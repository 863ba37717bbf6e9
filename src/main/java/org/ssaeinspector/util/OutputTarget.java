package org.ssaeinspector.util;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

/**
 * What writing to a path means: the file at the end of any symbolic links (a link is written
 * through, never replaced), and whether that is a new file, an existing regular file, or a special
 * file (a device, a FIFO) that can only be written directly. Folders and read-only files are refused.
 *
 * @param requested the path as the user gave it (for messages)
 * @param file      the file the bytes go to, links followed
 * @param kind      what is there now
 */
public record OutputTarget(Path requested, Path file, Kind kind) {
    public enum Kind {
        /** Nothing there yet. */
        NEW,
        /** A regular file, replaced through a temporary sibling and a rename. */
        REGULAR,
        /**
         * A device, a FIFO, or a file opened through a process's descriptor ({@code /dev/stdout} is
         * {@code /proc/self/fd/1}): renaming over it would destroy it or miss the open file, so it is
         * written in place, appending.
         */
        SPECIAL
    }

    /** Linux gives up after 40 links; so do we (a loop otherwise never ends). */
    private static final int MAX_LINKS = 40;
    /**
     * Links under /proc ({@code /proc/self/fd/1}) stand for open descriptors: their text may be
     * "pipe:[1234]" or a file the shell opened, so they are opened, never followed as paths.
     */
    private static final Path PROC = Path.of("/proc");

    public static OutputTarget of(Path requested) throws IOException {
        Path file = followLinks(requested);
        if (Files.isDirectory(file)) {
            throw new FileSystemException(requested.toString(), null, "it is a folder, expected a file name");
        }
        if (!Files.exists(file)) {
            return new OutputTarget(requested, file, Kind.NEW);
        }
        if (!Files.isRegularFile(file) || isDescriptor(file)) {
            if (!Files.isWritable(file)) {
                throw new AccessDeniedException(requested.toString(), null, "permission denied");
            }
            return new OutputTarget(requested, file, Kind.SPECIAL);
        }
        if (readOnly(file)) {
            throw new AccessDeniedException(requested.toString(), null, "the file is read-only");
        }
        return new OutputTarget(requested, file, Kind.REGULAR);
    }

    /**
     * Not writable by us, or its owner may not write it: root may write anything, but a file its
     * owner made read-only is meant to stay as it is, so it is respected for root too.
     */
    private static boolean readOnly(Path file) throws IOException {
        if (!Files.isWritable(file)) {
            return true;
        }
        return Files.getFileStore(file).supportsFileAttributeView("posix")
                && !Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_WRITE);
    }

    private static Path followLinks(Path requested) throws IOException {
        Path p = requested.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(p) && !isDescriptor(p); hops++) {
            if (hops == MAX_LINKS) {
                throw new FileSystemException(requested.toString(), null, "too many levels of symbolic links");
            }
            p = p.resolveSibling(Files.readSymbolicLink(p));
        }
        return p;
    }

    private static boolean isDescriptor(Path p) {
        return p.startsWith(PROC) && Files.isSymbolicLink(p) && Files.exists(p);
    }

    /** The folder the file goes into. */
    public Path folder() {
        return file.getParent();
    }
}
