package org.ssaeinspector.app.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.ssaeinspector.util.AtomicFiles;
import org.ssaeinspector.util.UserFacingException;

/** Reads and writes project files (JSON). Saves are atomic; bad files give a one-line message. */
public final class ProjectStore {
    public static final String EXTENSION = ".ssaeproj";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProjectStore() {
    }

    public static void save(ProjectDocument doc, Path file) {
        try {
            byte[] bytes = JSON.writeValueAsBytes(doc);
            AtomicFiles.write(file, out -> out.write(bytes));
        } catch (IOException e) {
            throw new UserFacingException(file + ": cannot save the project (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Project files above this size are refused unread: a test image takes up to about 250 bytes,
     * so this holds over 250,000 of them; a larger file is not a project (or would not open usefully).
     */
    static final long MAX_BYTES = 64L << 20;

    public static ProjectDocument load(Path file) {
        try {
            ProjectDocument doc = JSON.readValue(readAtMost(file), ProjectDocument.class);
            if (doc == null) {
                throw new UserFacingException(file + ": not an SSAE Inspector project (the file holds only null)");
            }
            if (doc.format() < 1 || doc.format() > ProjectDocument.FORMAT) {
                throw new UserFacingException(file + ": project format " + doc.format()
                        + " is not supported by this version (expected " + ProjectDocument.FORMAT + ")");
            }
            return doc;
        } catch (NoSuchFileException e) {
            throw new UserFacingException(file + ": project file not found", e);
        } catch (JsonProcessingException e) {
            throw new UserFacingException(file + ": not an SSAE Inspector project (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new UserFacingException(file + ": cannot read the project (" + e.getMessage() + ")", e);
        }
    }

    /** The file's bytes, refused before they are read (or past the limit, for a pipe) when there are too many. */
    private static byte[] readAtMost(Path file) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) > MAX_BYTES) {
            throw tooLarge(file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw tooLarge(file);
            }
            return bytes;
        }
    }

    private static UserFacingException tooLarge(Path file) {
        return new UserFacingException(file + ": not an SSAE Inspector project (larger than " + (MAX_BYTES >> 20)
                + " MiB, the most a project file holds)");
    }
}
