package org.ssaeinspector.app.project;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ssaeinspector.util.UserFacingException;

/**
 * Checks every entry of a project document before any of it is used: a bad entry used to throw
 * on the UI thread after the open project was cleared. A refusal is one line naming the project
 * file and the entry, e.g. {@code p.ssaeproj: entry test[3].path is empty}. Missing files are
 * allowed (images can be moved back); null, empty, NUL-holding or folder paths are not.
 */
public final class ProjectEntries {
    private final Path file;
    private final PathCodec codec;

    private ProjectEntries(Path file) {
        this.file = file;
        this.codec = new PathCodec(file);
    }

    public static ProjectContents decode(ProjectDocument doc, Path file) {
        return new ProjectEntries(file).decode(doc);
    }

    private ProjectContents decode(ProjectDocument doc) {
        List<Path> training = new ArrayList<>();
        for (int i = 0; i < doc.training().size(); i++) {
            training.add(required(doc.training().get(i), "training[" + i + "]"));
        }
        List<ProjectContents.Test> test = new ArrayList<>();
        for (int i = 0; i < doc.test().size(); i++) {
            ProjectDocument.TestImage t = doc.test().get(i);
            if (t == null) {
                throw refuse("test[" + i + "]", "is null");
            }
            test.add(new ProjectContents.Test(required(t.path(), "test[" + i + "].path"), t.label(), t.manualLabel(),
                    t.defectType(), optional(t.mask(), "test[" + i + "].mask")));
        }
        Double t = doc.threshold();
        if (t != null && !Double.isFinite(t)) {
            throw refuse("threshold", "is not a finite number (" + t + ")");
        }
        return new ProjectContents(doc.name(), optional(doc.model(), "model"), t == null ? Double.NaN : t,
                training, test, doc.gallery());
    }

    private Path required(String s, String entry) {
        if (s == null) {
            throw refuse(entry, "is null");
        }
        return optional(s, entry);
    }

    /** Null stays null (no mask, no model); anything else must be a usable file path. */
    private Path optional(String s, String entry) {
        if (s == null) {
            return null;
        }
        if (s.isEmpty()) {
            throw refuse(entry, "is empty");
        }
        if (s.indexOf('\0') >= 0) {
            throw refuse(entry, "holds a NUL character");
        }
        Path p;
        try {
            p = codec.decode(s);
        } catch (InvalidPathException e) {
            throw refuse(entry, "is not a valid path (" + e.getReason() + ")");
        }
        if (Files.isDirectory(p)) {
            throw refuse(entry, "'" + s + "' is a folder, expected a file");
        }
        return p;
    }

    private UserFacingException refuse(String entry, String problem) {
        return new UserFacingException(file + ": entry " + entry + " " + problem);
    }
}
