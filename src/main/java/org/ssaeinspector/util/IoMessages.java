package org.ssaeinspector.util;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Short, plain reasons for file-system failures. Java's own messages are often just the path
 * ("AccessDeniedException: /x/y"), which says nothing once the path is already in the message.
 */
public final class IoMessages {
    private IoMessages() {
    }

    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException ade) {
            return ade.getReason() != null ? ade.getReason() : "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "folder does not exist";
        }
        if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException) {
            return "a file is in the way where a folder is needed (" + ((FileSystemException) e).getFile() + ")";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "a folder of that name exists";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
