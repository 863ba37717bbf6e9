package org.ssaeinspector.app.viewmodel;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.ssaeinspector.app.project.ProjectEntries;
import org.ssaeinspector.app.project.ProjectStore;
import org.ssaeinspector.app.project.RecentProjects;
import org.ssaeinspector.app.service.EngineService;
import org.ssaeinspector.app.service.ImageLook;
import org.ssaeinspector.app.service.ModelHandle;
import org.ssaeinspector.app.service.ThumbnailLoader;
import org.ssaeinspector.app.task.BackgroundRunner;
import org.ssaeinspector.app.task.Lane;
import org.ssaeinspector.dataset.DataSet;
import org.ssaeinspector.dataset.DataSetScanner;
import org.ssaeinspector.dataset.ImageSample;
import org.ssaeinspector.dataset.Label;
import org.ssaeinspector.dataset.TestInputs;
import org.ssaeinspector.imageio.ImageFiles;
import org.ssaeinspector.model.ModelFile;
import org.ssaeinspector.model.ModelHeader;
import org.ssaeinspector.util.AppInfo;
import org.ssaeinspector.util.UserFacingException;

/**
 * The main window's state and actions: opening folders, projects and models, drops, scoring,
 * training, export; the status bar's texts. The view only forwards user actions here.
 */
public final class MainViewModel {
    /** Thumbnail side in pixels and how many are cached (~60 KB each at 128 px). */
    public static final int THUMBNAIL_SIDE = 128;
    public static final int THUMBNAIL_CACHE = 2000;

    private final EngineService engine;
    private final BackgroundRunner runner;
    private final UserPrompts prompts;
    private final RecentProjects recent;
    private final Project project = new Project();
    private final GalleryViewModel gallery;
    private final ThresholdViewModel threshold;
    private final ScoringViewModel scoring;
    private final ExportViewModel export;
    private final DetailViewModel detail;
    private final ThumbnailCache thumbnails;
    private final ProjectMapper mapper;
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper(this, "statusMessage", "Ready");
    private final ReadOnlyBooleanWrapper trainingRunning = new ReadOnlyBooleanWrapper(this, "trainingRunning");
    private final ReadOnlyBooleanWrapper modelLoading = new ReadOnlyBooleanWrapper(this, "modelLoading");
    /** True while the path given at start opens ({@link #open}). */
    private boolean opening;
    private final StringBinding title;
    private final StringBinding modelText;
    private final StringBinding deviceText;
    private final StringBinding countsText;

    public MainViewModel(EngineService engine, BackgroundRunner runner, UserPrompts prompts, RecentProjects recent) {
        this.engine = engine;
        this.runner = runner;
        this.prompts = prompts;
        this.recent = recent;
        gallery = new GalleryViewModel(project);
        threshold = new ThresholdViewModel(project);
        scoring = new ScoringViewModel(project, engine, runner, threshold);
        export = new ExportViewModel(project, engine, gallery, runner);
        detail = new DetailViewModel(project, gallery, engine, runner);
        thumbnails = new ThumbnailCache(runner, new ThumbnailLoader(THUMBNAIL_SIDE), THUMBNAIL_CACHE);
        mapper = new ProjectMapper(project, gallery);
        scoring.lastMessageProperty().addListener((o, a, b) -> statusMessage.set(b));
        gallery.lastRemovalProperty().addListener((o, a, r) -> {
            if (r != null) {
                statusMessage.set(removedMessage(r));
            }
        });
        project.modelProperty().addListener((o, a, b) -> scoreTest());
        title = Bindings.createStringBinding(() -> AppInfo.NAME + " — " + project.nameProperty().get()
                + (project.dirtyProperty().get() ? " *" : ""), project.nameProperty(), project.dirtyProperty());
        modelText = Bindings.createStringBinding(() -> describeModel(project.model(), project.modelFileProperty().get()),
                project.modelProperty(), project.modelFileProperty());
        deviceText = Bindings.createStringBinding(() -> project.model() == null ? "" : project.model().deviceName(),
                project.modelProperty());
        countsText = Bindings.createStringBinding(() -> String.format(Locale.ROOT,
                        "%d training · %d test · %d scored · %d flagged", project.trainingCountProperty().get(),
                        project.testCountProperty().get(), project.scoredTestCountProperty().get(),
                        project.flaggedTestCountProperty().get()),
                project.trainingCountProperty(), project.testCountProperty(), project.scoredTestCountProperty(),
                project.flaggedTestCountProperty());
    }

    private static String describeModel(ModelHandle m, Path file) {
        if (m == null) {
            return "No model";
        }
        ModelHeader h = m.header();
        String name = file == null ? "unsaved model" : file.getFileName().toString();
        int[] px = h.geometry().referenceModelSize();
        String lineage = h.lineage().isEmpty() ? "" : " · " + h.lineage().get(h.lineage().size() - 1).operation();
        return name + " · " + px[0] + " × " + px[1] + " px · " + h.calibration() + lineage;
    }

    // ---- opening things

    /**
     * Opens whatever the path is: a project, a model, a folder (an MVTec data set, or a folder
     * of several, of which the first is opened) or image files.
     */
    public void open(Path path) {
        if (path == null) {
            return;
        }
        opening = project.items().isEmpty() && project.fileProperty().get() == null;
        drop(List.of(path.toFile()), null);
    }

    /** What was opened at start (and its bundled model) is no change of the user's: no "*". */
    private void openedCleanly(boolean modelStillLoading) {
        if (opening) {
            project.dirtyProperty().set(false);
            opening = modelStillLoading;
        }
    }

    /**
     * Handles files dropped on the window (or opened): a data-set folder (MVTec layout, or
     * train/ with test/) is added whole, other images go to {@code target} (the user is asked
     * when it is null), models and projects are opened, and anything else is named in one
     * message. Folders are read on the IO lane.
     */
    public void drop(List<File> files, ImageSet target) {
        List<Path> folders = new ArrayList<>();
        List<Path> images = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (File f : files) {
            Path p = f.toPath();
            String n = p.getFileName() == null ? p.toString() : p.getFileName().toString().toLowerCase(Locale.ROOT);
            if (Files.isDirectory(p)) {
                folders.add(p);
            } else if (!Files.exists(p)) {
                rejected.add(p + ": not found");
            } else if (n.endsWith(ProjectStore.EXTENSION)) {
                openProject(p);
                return;
            } else if (n.endsWith(ModelFile.EXTENSION)) {
                openModel(p, Double.NaN);
            } else if (ImageFiles.isImageFileName(p)) {
                images.add(p);
            } else {
                rejected.add(p.getFileName() + ": not an image (PNG, JPEG, BMP, TIFF), folder, model or project");
            }
        }
        if (!rejected.isEmpty()) {
            prompts.error("Not added", String.join("\n", rejected.subList(0, Math.min(8, rejected.size())))
                    + (rejected.size() > 8 ? "\n... and " + (rejected.size() - 8) + " more" : ""));
        }
        if (folders.isEmpty() && images.isEmpty()) {
            openedCleanly(modelLoading.get());
            return;
        }
        // What the project holds already, to notice a folder of another product (read on IO).
        List<Path> known = (project.items(ImageSet.TRAINING).isEmpty() ? project.items(ImageSet.TEST)
                : project.items(ImageSet.TRAINING)).stream().map(ImageItem::path).toList();
        runner.submit(Lane.IO, "Reading folders", ctx -> read(folders, images, known),
                found -> add(found, target),
                e -> prompts.error("Nothing added", Messages.describe(e)));
    }

    /**
     * What a drop holds: whole data sets, images that still need a set, and why they do not
     * look like the project's images (null when they do, or the project is empty).
     */
    private record Found(List<DataSet> dataSets, List<ImageSample> loose, int skipped, String mismatch) {
    }

    private static Found read(List<Path> folders, List<Path> images, List<Path> known) {
        List<DataSet> sets = new ArrayList<>();
        List<Path> plain = new ArrayList<>(images);
        int skipped = 0;
        for (Path f : folders) {
            Optional<DataSet> ds = dataSetIn(f);
            if (ds.isPresent()) {
                sets.add(ds.get());
                skipped += ds.get().skipped().size();
            } else {
                plain.add(f);
            }
        }
        List<ImageSample> loose = List.of();
        if (!plain.isEmpty()) {
            TestInputs inputs = DataSetScanner.scanTestInputs(plain);
            loose = inputs.images();
            skipped += inputs.skipped().size();
        }
        return new Found(sets, loose, skipped, mismatch(known, sets, loose));
    }

    private static String mismatch(List<Path> known, List<DataSet> sets, List<ImageSample> loose) {
        List<Path> added = new ArrayList<>();
        sets.forEach(d -> added.addAll(d.train()));
        loose.forEach(i -> added.add(i.path()));
        if (known.isEmpty() || added.isEmpty()) {
            return null;
        }
        Optional<ImageLook> before = ImageLook.of(known);
        Optional<ImageLook> now = ImageLook.of(added);
        if (before.isEmpty() || now.isEmpty()) {
            return null;
        }
        String what = sets.isEmpty() ? "The added images" : sets.stream().map(DataSet::name)
                .collect(java.util.stream.Collectors.joining(", ", "The images of ", ""));
        return before.get().differenceFrom(now.get()).map(why -> what + " do not look like the project's: " + why
                + ". One project holds one product: a model trained on both judges both poorly.").orElse(null);
    }

    /**
     * The data set in a folder when it has its own layout (MVTec, or train/ or good/ with an
     * optional test/); empty for a plain folder of images. For a folder that holds several
     * MVTec categories (like the bundled sample images), the first of them.
     */
    private static Optional<DataSet> dataSetIn(Path folder) {
        Optional<DataSet> own = tryScan(folder);
        if (own.isPresent()) {
            DataSet d = own.get();
            boolean plainFolder = d.test().isEmpty() && d.train().get(0).getParent().equals(folder);
            return plainFolder ? Optional.empty() : own;
        }
        try {
            for (Path sub : ImageFiles.listAll(folder)) {
                if (Files.isDirectory(sub)) {
                    Optional<DataSet> inner = tryScan(sub);
                    if (inner.isPresent() && inner.get().mvtecLayout()) {
                        return inner;
                    }
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<DataSet> tryScan(Path folder) {
        try {
            return Optional.of(DataSetScanner.scan(folder));
        } catch (UserFacingException e) {
            return Optional.empty();
        }
    }

    private void add(Found found, ImageSet target) {
        if (found.mismatch() != null && !prompts.confirm("Images look different", found.mismatch()
                + "\nAdd them to this project anyway?")) {
            statusMessage.set("Nothing added.");
            return;
        }
        int train = 0;
        int test = 0;
        for (DataSet s : found.dataSets()) {
            List<ImageSample> good = s.train().stream()
                    .map(p -> new ImageSample(p, Label.GOOD, "good", Optional.empty())).toList();
            train += project.add(good, ImageSet.TRAINING);
            test += project.add(s.test(), ImageSet.TEST);
            if (project.fileProperty().get() == null && "Untitled".equals(project.nameProperty().get())) {
                project.nameProperty().set(s.name());
            }
        }
        if (!found.loose().isEmpty()) {
            ImageSet set = target != null ? target : prompts.chooseSet(found.loose().size()).orElse(null);
            if (set == ImageSet.TRAINING) {
                train += project.add(found.loose(), ImageSet.TRAINING);
            } else if (set == ImageSet.TEST) {
                test += project.add(found.loose(), ImageSet.TEST);
            }
        }
        statusMessage.set("Added " + train + " training and " + test + " test images"
                + (found.skipped() > 0 ? "; " + found.skipped() + " other files ignored" : "") + ".");
        if (test > 0) {
            scoreTest();
        }
        // A data set that ships with its model (one .ssae beside it) opens ready to inspect,
        // unless the user already has, or is opening, a model of their own.
        if (project.model() == null && !modelLoading.get() && found.dataSets().size() == 1) {
            modelBeside(found.dataSets().get(0).root()).ifPresent(m -> openModel(m, Double.NaN));
        }
        openedCleanly(modelLoading.get());
    }

    private static Optional<Path> modelBeside(Path dataSetRoot) {
        try (var files = Files.list(dataSetRoot)) {
            List<Path> models = files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)
                    .endsWith(ModelFile.EXTENSION) && Files.isRegularFile(p)).toList();
            return models.size() == 1 ? Optional.of(models.get(0)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void openModel(Path file, double thresholdOverride) {
        if (!confirmDiscardModel()) {
            return;
        }
        modelLoading.set(true);
        runner.submit(Lane.ENGINE, "Opening model", ctx -> engine.loadModel(file), handle -> {
            modelLoading.set(false);
            useModel(handle, file, Double.isNaN(thresholdOverride) ? handle.header().threshold() : thresholdOverride);
            statusMessage.set("Opened model " + file.getFileName() + ".");
            openedCleanly(false);
        }, e -> {
            modelLoading.set(false);
            openedCleanly(false);
            prompts.error("Cannot open the model", Messages.describe(e));
        });
    }

    /** Makes {@code handle} the project's model and frees the previous one on the engine lane. */
    void useModel(ModelHandle handle, Path file, double newThreshold) {
        ModelHandle old = project.model();
        project.setModel(handle, file, newThreshold);
        if (old != handle) {
            release(old);
        }
    }

    // ---- learning from the inspector's verdicts

    /** Test images the inspector labelled good by hand: the confirmed good parts. */
    public List<Path> confirmedGood() {
        return project.confirmedGood();
    }

    /**
     * Recalibrates the project's model with good images (files or folders, seconds, on the engine lane) and hands
     * {@code compare} the comparison of the two on the test images; the new model is used only
     * when the user says so there, and freed otherwise.
     */
    public void recalibrate(List<Path> goodImages, Consumer<ComparisonViewModel> compare) {
        ModelHandle current = project.model();
        if (current == null) {
            prompts.error("No model", "Open or train a model first: recalibrating starts from a model.");
            return;
        }
        if (goodImages.isEmpty()) {
            prompts.error("No confirmed good images", "Label good parts as Good first (G in the gallery or the detail "
                    + "view), or choose a folder of good images.");
            return;
        }
        Path file = project.modelFileProperty().get();
        runner.submit(Lane.ENGINE, "Recalibrating", ctx -> {
                    TestInputs found = DataSetScanner.scanTestInputs(goodImages);
                    if (found.images().isEmpty()) {
                        throw new UserFacingException("No images found in " + goodImages.get(0)
                                + (goodImages.size() > 1 ? " and " + (goodImages.size() - 1) + " more" : ""));
                    }
                    return engine.recalibrate(current, file, found.images().stream().map(ImageSample::path).toList(),
                            ctx::isCancelled);
                },
                o -> {
                    String origin = String.format(Locale.ROOT, "Recalibrated with %d confirmed good image%s%s: threshold "
                                    + "%s (the current one: %s). Of these images the current threshold flags %d, the new one %d.",
                            o.added(), o.added() == 1 ? "" : "s",
                            o.skipped().isEmpty() ? "" : " (" + o.skipped().size() + " unreadable, skipped)",
                            Format.score(o.model().header().threshold()), Format.score(project.thresholdProperty().get()),
                            o.addedRejectedBefore(), o.addedRejectedAfter());
                    statusMessage.set("Recalibrated; compare the two models before switching.");
                    compare.accept(comparison(o.model(), origin, "Using the recalibrated model (not saved yet)."));
                }, e -> prompts.error("Cannot recalibrate", Messages.describe(e)));
    }

    /**
     * The comparison of a candidate with the project's model: using it makes it the project's
     * (unsaved) model, keeping the current one frees it.
     */
    /**
     * A live view of {@code folder}, not started: it scores with the model and the threshold in
     * use when each batch starts; a file is scored once it has kept its size and time for
     * {@code settle}.
     */
    public LiveViewModel liveView(Path folder, java.time.Duration settle) {
        return new LiveViewModel(folder, engine, runner, project::model, () -> threshold.thresholdProperty().get(), settle);
    }

    public ComparisonViewModel comparison(ModelHandle candidate, String origin, String usedMessage) {
        return new ComparisonViewModel(project, engine, runner, candidate, origin, () -> {
            useModel(candidate, null, candidate.header().threshold());
            statusMessage.set(usedMessage);
        }, () -> {
            release(candidate);
            statusMessage.set("Kept the current model.");
        });
    }

    /** The comparison of a model the wizard trained further with the project's: the wizard applies or discards it. */
    public ComparisonViewModel comparison(TrainingWizardViewModel wizard) {
        ModelHandle candidate = wizard.outcomeProperty().get().model();
        return new ComparisonViewModel(project, engine, runner, candidate,
                "Trained further from the current model on " + wizard.imagesForContinuing().size() + " good images.", () -> {
                    wizard.apply();
                    statusMessage.set("Using the model trained further (not saved yet).");
                }, () -> {
                    wizard.discard();
                    statusMessage.set("Kept the current model.");
                });
    }

    public void saveModel(Path file) {
        ModelHandle m = project.model();
        if (m == null) {
            prompts.error("No model", "Open or train a model first.");
            return;
        }
        double t = project.thresholdProperty().get();
        runner.submit(Lane.ENGINE, "Saving model", ctx -> {
            engine.saveModel(m, file, t);
            return file;
        }, f -> {
            project.modelFileProperty().set(f);
            project.dirtyProperty().set(true);
            statusMessage.set("Saved model " + f.getFileName() + ".");
        }, e -> prompts.error("Cannot save the model", Messages.describe(e)));
    }

    // ---- projects

    /** Frees a model's native memory on the engine lane (where all DJL work runs); null is ignored. */
    private void release(ModelHandle old) {
        if (old != null) {
            runner.submit(Lane.ENGINE, "Closing model", ctx -> {
                old.close();
                return null;
            }, r -> { }, e -> { });
        }
    }

    public void newProject() {
        if (!confirmDiscard()) {
            return;
        }
        ModelHandle old = project.model();
        project.clear();
        gallery.forgetRemoval();
        release(old);
        statusMessage.set("New project.");
    }

    public void openProject(Path file) {
        if (!confirmDiscard()) {
            return;
        }
        // Every entry is read and checked off the UI thread; the open project is cleared only after.
        runner.submit(Lane.IO, "Opening project", ctx -> ProjectEntries.decode(ProjectStore.load(file), file), doc -> {
            ModelHandle old = project.model();
            project.clear();
            gallery.forgetRemoval();
            release(old);
            ProjectMapper.Restored r = mapper.restore(doc);
            project.fileProperty().set(file);
            recent.add(file);
            if (r.model() != null) {
                if (Files.isRegularFile(r.model())) {
                    openModel(r.model(), r.threshold());
                } else {
                    prompts.error("Model not found", r.model() + ": the project's model file is missing.");
                }
            }
            project.dirtyProperty().set(false);
            statusMessage.set("Opened project " + file.getFileName() + ".");
        }, e -> {
            recent.remove(file);
            prompts.error("Cannot open the project", Messages.describe(e));
        });
    }

    public void saveProject(Path file) {
        if (project.model() != null && project.modelFileProperty().get() == null
                && !prompts.confirm("Model not saved", "The trained model has not been saved yet, so the project "
                + "cannot refer to it. Save the project without the model?")) {
            return;
        }
        var doc = mapper.document(file);
        runner.submit(Lane.IO, "Saving project", ctx -> {
            ProjectStore.save(doc, file);
            return file;
        }, f -> {
            project.fileProperty().set(f);
            String n = f.getFileName().toString();
            project.nameProperty().set(n.endsWith(ProjectStore.EXTENSION)
                    ? n.substring(0, n.length() - ProjectStore.EXTENSION.length()) : n);
            project.dirtyProperty().set(false);
            recent.add(f);
            statusMessage.set("Saved project " + f.getFileName() + ".");
        }, e -> prompts.error("Cannot save the project", Messages.describe(e)));
    }

    /** True unless the model in use was trained here, never saved, and the user wants to keep it. */
    private boolean confirmDiscardModel() {
        return project.model() == null || project.modelFileProperty().get() != null
                || prompts.confirm("Model not saved", "The model in use was trained here and has not been saved. "
                + "Open the other model and discard it? (To keep it: No, then Model ▸ Save Model As.)");
    }

    /** True when nothing unsaved would be lost, or the user agrees to lose it. */
    public boolean confirmDiscard() {
        return !project.dirtyProperty().get() || project.items().isEmpty()
                || prompts.confirm("Unsaved changes", "The project has unsaved changes. Discard them?");
    }

    /** Asks before closing the window while training runs or changes are unsaved. */
    public boolean canClose() {
        if (trainingRunning.get() && !prompts.confirm("Training in progress",
                "A model is being trained. Stop the training and quit? The model trained so far is lost.")) {
            return false;
        }
        return confirmDiscard();
    }

    // ---- scoring, training

    public void scoreTest() {
        if (project.model() != null) {
            scoring.scoreUnscored(ImageSet.TEST, msg -> prompts.error("Scoring failed", msg));
        }
    }

    /** Scores the images of the set the gallery shows; says so when there is nothing left to score. */
    public void scoreShown() {
        if (project.model() == null) {
            prompts.error("No model", "Open or train a model first.");
            return;
        }
        ImageSet set = gallery.shownSetProperty().get();
        if (!scoring.runningProperty().get() && !scoring.hasWork(set)) {
            statusMessage.set(nothingToScore(set));
            return;
        }
        scoring.scoreUnscored(set, msg -> prompts.error("Scoring failed", msg));
    }

    private String nothingToScore(ImageSet set) {
        List<ImageItem> items = project.items(set);
        long unreadable = items.stream().filter(i -> i.problemProperty().get() != null).count();
        String what = set.title().toLowerCase(Locale.ROOT);
        if (items.isEmpty()) {
            return "No " + what + " to score.";
        }
        return "All " + (items.size() - unreadable) + " " + what + " are scored already"
                + (unreadable > 0 ? " (" + unreadable + " could not be read)" : "") + "; nothing to do.";
    }

    // ---- removing images

    /** The status bar's text for a removal that can be undone. */
    public static String removedMessage(GalleryViewModel.Removal r) {
        return "Removed " + r.describe() + " from the project.";
    }

    /** Puts back the images of the last removal (Ctrl+Z), and scores them again if the model changed. */
    public void undoRemove() {
        List<ImageItem> back = gallery.undoRemove();
        if (back.isEmpty()) {
            return;
        }
        statusMessage.set("Put back " + new GalleryViewModel.Removal(back, project.model()).describe() + ".");
        if (back.stream().anyMatch(i -> !i.isScored())) {
            scoreTest();
        }
    }

    /** A wizard over the project's good images, or empty (with a message) when there are none. */
    public Optional<TrainingWizardViewModel> newTrainingWizard() {
        if (project.items(ImageSet.TRAINING).isEmpty()) {
            prompts.error("No good images", "Add good training images first: drop a folder of good images on "
                    + "\"" + ImageSet.TRAINING.title() + "\", or open an MVTec-style folder.");
            return Optional.empty();
        }
        TrainingWizardViewModel w = new TrainingWizardViewModel(project, engine, runner);
        trainingRunning.bind(Bindings.createBooleanBinding(w::isRunning, w.stateProperty()));
        return Optional.of(w);
    }

    /** Called when a wizard closes: stops following its state. */
    public void wizardClosed(TrainingWizardViewModel w) {
        trainingRunning.unbind();
        trainingRunning.set(false);
        if (w.appliedProperty().get()) {
            statusMessage.set("Using the new model" + (w.savedFileProperty().get() == null ? " (not saved yet)." : "."));
        }
    }

    // ---- accessors

    public Project project() {
        return project;
    }

    public GalleryViewModel gallery() {
        return gallery;
    }

    public ThresholdViewModel threshold() {
        return threshold;
    }

    public ScoringViewModel scoring() {
        return scoring;
    }

    public ExportViewModel export() {
        return export;
    }

    public DetailViewModel detail() {
        return detail;
    }

    public ThumbnailCache thumbnails() {
        return thumbnails;
    }

    public RecentProjects recent() {
        return recent;
    }

    public BackgroundRunner runner() {
        return runner;
    }

    public UserPrompts prompts() {
        return prompts;
    }

    public StringBinding titleBinding() {
        return title;
    }

    public StringBinding modelTextBinding() {
        return modelText;
    }

    public StringBinding deviceTextBinding() {
        return deviceText;
    }

    public StringBinding countsTextBinding() {
        return countsText;
    }

    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    public void setStatus(String message) {
        statusMessage.set(message);
    }

    public ReadOnlyBooleanProperty trainingRunningProperty() {
        return trainingRunning.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty modelLoadingProperty() {
        return modelLoading.getReadOnlyProperty();
    }
}
