package org.ssaeinspector.line;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * What a file looks like from outside: its size, its modification time and its identity on the
 * file system (the inode where there is one). A file that keeps one state for a while is no
 * longer being written; a file renamed over another has another identity.
 *
 * @param size     bytes
 * @param modified modification time, milliseconds since the epoch
 * @param fileKey  the file system's identity of the file, or null where it has none
 */
public record FileState(long size, long modified, Object fileKey) {
    /** The state of {@code file} now, links followed. */
    public static FileState of(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileState(a.size(), a.lastModifiedTime().toMillis(), a.fileKey());
    }

    /** Same size and time, whatever the identity (a journal kept on disk knows no inode). */
    public boolean sameContentStamp(FileState other) {
        return other != null && size == other.size && modified == other.modified;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileState f && sameContentStamp(f) && Objects.equals(fileKey, f.fileKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(size, modified, fileKey);
    }
}
