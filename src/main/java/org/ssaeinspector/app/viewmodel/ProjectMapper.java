package org.ssaeinspector.app.viewmodel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.ssaeinspector.app.project.PathCodec;
import org.ssaeinspector.app.project.ProjectContents;
import org.ssaeinspector.app.project.ProjectDocument;
import org.ssaeinspector.dataset.ImageSample;
import org.ssaeinspector.dataset.Label;

/** Converts between the open project and its file form. */
final class ProjectMapper {
    private final Project project;
    private final GalleryViewModel gallery;

    ProjectMapper(Project project, GalleryViewModel gallery) {
        this.project = project;
        this.gallery = gallery;
    }

    /** What was read besides the images: the model to open and its threshold. */
    record Restored(Path model, double threshold) {
    }

    ProjectDocument document(Path file) {
        PathCodec codec = new PathCodec(file);
        List<String> training = new ArrayList<>();
        List<ProjectDocument.TestImage> test = new ArrayList<>();
        for (ImageItem i : project.items()) {
            if (i.set() == ImageSet.TRAINING) {
                training.add(codec.encode(i.path()));
            } else {
                Label manual = i.manualLabelProperty().get();
                test.add(new ProjectDocument.TestImage(codec.encode(i.path()), i.folderLabel().csvValue(),
                        manual == null ? null : manual.csvValue(), i.defectType().isEmpty() ? null : i.defectType(),
                        i.mask().map(codec::encode).orElse(null)));
            }
        }
        double t = project.thresholdProperty().get();
        return new ProjectDocument(ProjectDocument.FORMAT, project.nameProperty().get(),
                codec.encode(project.modelFileProperty().get()), Double.isNaN(t) ? null : t, training, test,
                new ProjectDocument.GalleryState(gallery.shownSetProperty().get().name(),
                        gallery.filterProperty().get().name(), gallery.sortProperty().get().name(),
                        gallery.overlayOpacityProperty().get()));
    }

    /** Fills the (cleared) project from checked contents; nothing here can fail on an entry. */
    Restored restore(ProjectContents doc) {
        project.nameProperty().set(doc.name() == null ? "Untitled" : doc.name());
        List<ImageSample> training = new ArrayList<>();
        for (Path p : doc.training()) {
            training.add(new ImageSample(p, Label.GOOD, "good", Optional.empty()));
        }
        project.add(training, ImageSet.TRAINING);
        List<ImageSample> test = new ArrayList<>();
        Map<Path, Label> manual = new HashMap<>();
        for (ProjectContents.Test t : doc.test()) {
            test.add(new ImageSample(t.path(), label(t.label()), t.defectType(), Optional.ofNullable(t.mask())));
            if (t.manualLabel() != null) {
                manual.put(t.path(), label(t.manualLabel()));
            }
        }
        project.add(test, ImageSet.TEST);
        for (ImageItem i : project.items(ImageSet.TEST)) {
            Label m = manual.get(i.path());
            if (m != null) {
                project.setLabel(i, m);
            }
        }
        ProjectDocument.GalleryState g = doc.gallery();
        if (g != null) {
            gallery.shownSetProperty().set(parse(ImageSet.class, g.set(), ImageSet.TEST));
            gallery.filterProperty().set(parse(GalleryFilter.class, g.filter(), GalleryFilter.ALL));
            gallery.sortProperty().set(parse(GallerySort.class, g.sort(), GallerySort.SCORE_DESC));
            gallery.overlayOpacityProperty().set(Math.max(0, Math.min(1, g.overlayOpacity())));
        }
        return new Restored(doc.model(), doc.threshold());
    }

    private static Label label(String s) {
        if (s == null || s.isEmpty()) {
            return Label.UNKNOWN;
        }
        try {
            return Label.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Label.UNKNOWN;
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String s, E fallback) {
        try {
            return s == null ? fallback : Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
