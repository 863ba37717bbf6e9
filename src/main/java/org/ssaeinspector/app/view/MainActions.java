package org.ssaeinspector.app.view;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.ssaeinspector.app.project.ProjectStore;
import org.ssaeinspector.app.viewmodel.ImageItem;
import org.ssaeinspector.app.viewmodel.MainViewModel;
import org.ssaeinspector.model.ModelFile;
import org.ssaeinspector.util.AppInfo;

/** What menus, toolbar and buttons do: file choosers and dialogs in front of view-model calls. */
final class MainActions {
    private static final FileChooser.ExtensionFilter PROJECTS =
            new FileChooser.ExtensionFilter("SSAE Inspector projects", "*" + ProjectStore.EXTENSION);
    private static final FileChooser.ExtensionFilter MODELS =
            new FileChooser.ExtensionFilter("SSAE models", "*" + ModelFile.EXTENSION);
    private static final FileChooser.ExtensionFilter IMAGES = new FileChooser.ExtensionFilter(
            "Images", "*.png", "*.jpg", "*.jpeg", "*.bmp", "*.tif", "*.tiff", "*.PNG", "*.JPG", "*.JPEG");

    private final MainViewModel vm;
    private final Stage stage;
    private File lastFolder;
    private DetailWindow detail;
    private TrainingWizard wizard;
    private ComparisonDialog comparison;
    private LiveViewWindow liveView;

    MainActions(MainViewModel vm, Stage stage) {
        this.vm = vm;
        this.stage = stage;
    }

    void newProject() {
        vm.newProject();
    }

    void openProject() {
        File f = chooser("Open project", PROJECTS).showOpenDialog(stage);
        if (f != null) {
            remember(f);
            vm.openProject(f.toPath());
        }
    }

    void openRecent(Path p) {
        vm.openProject(p);
    }

    void saveProject() {
        Path file = vm.project().fileProperty().get();
        if (file == null) {
            saveProjectAs();
        } else {
            vm.saveProject(file);
        }
    }

    void saveProjectAs() {
        FileChooser c = chooser("Save project", PROJECTS);
        c.setInitialFileName(vm.project().nameProperty().get() + ProjectStore.EXTENSION);
        File f = c.showSaveDialog(stage);
        if (f != null) {
            remember(f);
            vm.saveProject(withExtension(f.toPath(), ProjectStore.EXTENSION));
        }
    }

    void addImages() {
        List<File> files = chooser("Add images", IMAGES).showOpenMultipleDialog(stage);
        if (files != null && !files.isEmpty()) {
            remember(files.get(0));
            vm.drop(files, vm.gallery().shownSetProperty().get());
        }
    }

    void addFolder() {
        File dir = chooseFolder("Add a folder of images or an MVTec-style data set");
        if (dir != null) {
            vm.drop(List.of(dir), null);
        }
    }

    /** A folder chosen by the user (starting where the last one was), or null. */
    private File chooseFolder(String title) {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle(title);
        if (lastFolder != null && lastFolder.isDirectory()) {
            c.setInitialDirectory(lastFolder);
        }
        File dir = c.showDialog(stage);
        if (dir != null) {
            lastFolder = dir.getParentFile();
        }
        return dir;
    }

    void openModel() {
        File f = chooser("Open model", MODELS).showOpenDialog(stage);
        if (f != null) {
            remember(f);
            vm.openModel(f.toPath(), Double.NaN);
        }
    }

    void saveModelAs() {
        FileChooser c = chooser("Save model", MODELS);
        c.setInitialFileName(vm.project().nameProperty().get() + ModelFile.EXTENSION);
        File f = c.showSaveDialog(stage);
        if (f != null) {
            remember(f);
            vm.saveModel(withExtension(f.toPath(), ModelFile.EXTENSION));
        }
    }

    /** Recalibrates with the test images labelled good by hand. */
    void recalibrateWithConfirmed() {
        vm.recalibrate(vm.confirmedGood(), this::compare);
    }

    /** Recalibrates with a folder of good images (a new batch of good parts). */
    void recalibrateWithFolder() {
        File dir = chooseFolder("Recalibrate with a folder of good images");
        if (dir != null) {
            vm.recalibrate(List.of(dir.toPath()), this::compare);
        }
    }

    /** Shows a comparison and starts its scoring. */
    void compare(org.ssaeinspector.app.viewmodel.ComparisonViewModel comparisonVm) {
        comparison = new ComparisonDialog(comparisonVm, stage);
        comparisonVm.start();
        comparison.show();
    }

    /** The comparison last shown (tests drive it). */
    /** Watches a folder chosen by the user in a live view window. */
    void watchFolder() {
        File dir = chooseFolder("Watch a folder: score the images in it and those that arrive");
        if (dir != null) {
            watch(dir.toPath(), java.time.Duration.ofSeconds(1));
        }
    }

    /** Opens a live view of {@code folder} and starts watching (tests give a short settle time). */
    LiveViewWindow watch(Path folder, java.time.Duration settle) {
        LiveViewWindow w = new LiveViewWindow(vm.liveView(folder, settle), stage);
        try {
            w.show();
        } catch (org.ssaeinspector.util.UserFacingException e) {
            w.stage().close();
            vm.prompts().error("Cannot watch the folder", e.getMessage());
            return null;
        }
        liveView = w;
        return w;
    }

    /** The live view last opened (tests drive it). */
    LiveViewWindow currentLiveView() {
        return liveView;
    }

    ComparisonDialog currentComparison() {
        return comparison;
    }

    void score() {
        vm.scoreShown();
    }

    void stopScoring() {
        vm.scoring().cancel();
    }

    void train() {
        if (wizard != null && wizard.isShowing()) {
            wizard.toFront();
            return;
        }
        vm.newTrainingWizard().ifPresent(w -> {
            wizard = new TrainingWizard(stage, w, vm.prompts(), this::chooseModelFile, vm.thumbnails(),
                    further -> compare(vm.comparison(further)));
            wizard.setOnHidden(() -> vm.wizardClosed(w));
            wizard.show();
        });
    }

    /** Asks where to save a model (the wizard's last page uses it). */
    Path chooseModelFile() {
        FileChooser c = chooser("Save model", MODELS);
        c.setInitialFileName(vm.project().nameProperty().get() + ModelFile.EXTENSION);
        File f = c.showSaveDialog(wizard == null ? stage : wizard.window());
        if (f == null) {
            return null;
        }
        remember(f);
        return withExtension(f.toPath(), ModelFile.EXTENSION);
    }

    /** The wizard last opened (tests drive it). */
    TrainingWizard currentWizard() {
        return wizard;
    }

    void export() {
        new ExportDialog(stage, vm).showAndExport();
    }

    void openDetail(ImageItem item) {
        if (detail == null) {
            detail = new DetailWindow(stage, vm.detail(), vm.gallery());
        }
        detail.show(item);
    }

    void shortcuts(javafx.scene.control.MenuBar bar) {
        ShortcutsDialog.create(stage, bar).show();
    }

    void about() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(stage);
        a.setTitle("About " + AppInfo.NAME);
        a.setHeaderText(AppInfo.NAME + " " + AppInfo.version());
        a.setContentText("Visual anomaly detection with self-supervised autoencoders (SSAE).\n"
                + "Train on good images only; the heatmap shows where an image leaves the normal.");
        a.showAndWait();
    }

    boolean confirmQuit() {
        if (!vm.canClose()) {
            return false;
        }
        if (wizard != null && wizard.isShowing()) {
            wizard.closeWithoutAsking();
        }
        if (detail != null) {
            detail.close();
        }
        return true;
    }

    void quit() {
        if (confirmQuit()) {
            stage.close();
            Platform.exit();
        }
    }

    private FileChooser chooser(String title, FileChooser.ExtensionFilter filter) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(filter);
        Path projectFile = vm.project().fileProperty().get();
        File dir = lastFolder != null ? lastFolder : projectFile != null ? projectFile.getParent().toFile() : null;
        if (dir != null && dir.isDirectory()) {
            c.setInitialDirectory(dir);
        }
        return c;
    }

    private void remember(File f) {
        lastFolder = f.getParentFile();
    }

    private static Path withExtension(Path p, String ext) {
        String n = p.getFileName().toString();
        return n.toLowerCase(java.util.Locale.ROOT).endsWith(ext) ? p : p.resolveSibling(n + ext);
    }
}
