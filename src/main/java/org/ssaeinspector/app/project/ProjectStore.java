package org.ssaeinspector.app.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
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

    public static ProjectDocument load(Path file) {
        try {
            ProjectDocument doc = JSON.readValue(Files.readAllBytes(file), ProjectDocument.class);
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
}
