package org.ssaeinspector.app.view;

import java.nio.file.Path;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import org.ssaeinspector.app.viewmodel.GalleryFilter;
import org.ssaeinspector.app.viewmodel.GallerySort;
import org.ssaeinspector.app.viewmodel.ImageSet;
import org.ssaeinspector.app.viewmodel.MainViewModel;

/** The menu bar and toolbar, with icons and keyboard shortcuts. */
final class MenuFactory {
    private final MainViewModel vm;
    private final MainActions a;

    MenuFactory(MainViewModel vm, MainActions actions) {
        this.vm = vm;
        this.a = actions;
    }

    MenuBar menuBar() {
        Menu recent = new Menu("Open Recent", Icons.of(MaterialDesignH.HISTORY, Icons.MENU));
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (Path p : vm.recent().paths()) {
                MenuItem i = new MenuItem(p.getFileName() + "  —  " + p.getParent());
                i.setOnAction(e -> a.openRecent(p));
                recent.getItems().add(i);
            }
            recent.setDisable(recent.getItems().isEmpty());
        };
        vm.recent().paths().addListener((ListChangeListener<Path>) c -> fillRecent.run());
        fillRecent.run();
        Menu file = new Menu("_File", null,
                item("_New Project", MaterialDesignF.FILE_PLUS_OUTLINE, "Shortcut+N", a::newProject),
                item("_Open Project…", MaterialDesignF.FOLDER_OPEN_OUTLINE, "Shortcut+O", a::openProject),
                recent,
                item("_Save Project", MaterialDesignC.CONTENT_SAVE_OUTLINE, "Shortcut+S", a::saveProject),
                item("Save Project _As…", MaterialDesignC.CONTENT_SAVE_EDIT_OUTLINE, "Shortcut+Shift+S",
                        a::saveProjectAs),
                new javafx.scene.control.SeparatorMenuItem(),
                item("Add _Images…", MaterialDesignI.IMAGE_PLUS, "Shortcut+I", a::addImages),
                item("Add _Folder…", MaterialDesignF.FOLDER_PLUS_OUTLINE, "Shortcut+Shift+I", a::addFolder),
                new javafx.scene.control.SeparatorMenuItem(),
                item("_Export Report…", MaterialDesignF.FILE_EXPORT_OUTLINE, "Shortcut+E", a::export),
                new javafx.scene.control.SeparatorMenuItem(),
                item("_Quit", MaterialDesignE.EXIT_TO_APP, "Shortcut+Q", a::quit));
        MenuItem undo = item("_Undo Remove", MaterialDesignU.UNDO, "Shortcut+Z", vm::undoRemove);
        undo.setId("undoRemove");
        undo.disableProperty().bind(vm.gallery().lastRemovalProperty().isNull());
        Menu edit = new Menu("_Edit", null, undo);
        MenuItem stop = item("S_top Scoring", MaterialDesignS.STOP, "Shortcut+PERIOD", a::stopScoring);
        stop.disableProperty().bind(vm.scoring().runningProperty().not());
        Menu model = new Menu("_Model", null,
                item("_Train New Model…", MaterialDesignS.SCHOOL_OUTLINE, "Shortcut+T", a::train),
                item("_Open Model…", MaterialDesignB.BRAIN, "Shortcut+M", a::openModel),
                item("_Save Model As…", MaterialDesignC.CONTENT_SAVE_COG_OUTLINE, "Shortcut+Shift+M", a::saveModelAs),
                new javafx.scene.control.SeparatorMenuItem(),
                modelAction(item("_Recalibrate with Confirmed Good Images", MaterialDesignT.TUNE_VARIANT, "Shortcut+R",
                        a::recalibrateWithConfirmed)),
                modelAction(item("Recalibrate with a _Folder of Good Images…", MaterialDesignF.FOLDER_CHECK_OUTLINE, null,
                        a::recalibrateWithFolder)),
                new javafx.scene.control.SeparatorMenuItem(),
                item("S_core Images", MaterialDesignP.PLAY, "F5", a::score),
                stop,
                new javafx.scene.control.SeparatorMenuItem(),
                modelAction(item("_Watch a Folder…", MaterialDesignE.EYE_OUTLINE, "Shortcut+Shift+W", a::watchFolder)));
        CheckMenuItem overlay = new CheckMenuItem("Heatmap _Overlay");
        overlay.setAccelerator(KeyCombination.keyCombination("Shortcut+H"));
        overlay.selectedProperty().bindBidirectional(vm.gallery().overlayVisibleProperty());
        Menu filter = new Menu("_Filter");
        ToggleGroup fg = new ToggleGroup();
        int n = 1;
        for (GalleryFilter f : GalleryFilter.values()) {
            RadioMenuItem r = new RadioMenuItem(f.toString());
            r.setToggleGroup(fg);
            r.setAccelerator(KeyCombination.keyCombination("Alt+" + n++));
            r.setSelected(vm.gallery().filterProperty().get() == f);
            r.setOnAction(e -> vm.gallery().filterProperty().set(f));
            vm.gallery().filterProperty().addListener((o, x, y) -> r.setSelected(y == f));
            filter.getItems().add(r);
        }
        Menu sort = new Menu("_Sort");
        ToggleGroup sg = new ToggleGroup();
        for (GallerySort s : GallerySort.values()) {
            RadioMenuItem r = new RadioMenuItem(s.toString());
            r.setToggleGroup(sg);
            r.setSelected(vm.gallery().sortProperty().get() == s);
            r.setOnAction(e -> vm.gallery().sortProperty().set(s));
            vm.gallery().sortProperty().addListener((o, x, y) -> r.setSelected(y == s));
            sort.getItems().add(r);
        }
        Menu view = new Menu("_View", null,
                item("_Test Images", MaterialDesignF.FOLDER_SEARCH_OUTLINE, "Shortcut+1",
                        () -> vm.gallery().shownSetProperty().set(ImageSet.TEST)),
                item("_Good Training Images", MaterialDesignI.IMAGE_MULTIPLE_OUTLINE, "Shortcut+2",
                        () -> vm.gallery().shownSetProperty().set(ImageSet.TRAINING)),
                new javafx.scene.control.SeparatorMenuItem(), overlay, filter, sort);
        MenuBar bar = new MenuBar();
        Menu help = new Menu("_Help", null,
                item("_Keyboard Shortcuts…", MaterialDesignK.KEYBOARD_OUTLINE, "F1", () -> a.shortcuts(bar)),
                item("_About", MaterialDesignI.INFORMATION_OUTLINE, null, a::about));
        bar.getMenus().setAll(file, edit, model, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    ToolBar toolBar() {
        Button score = button(MaterialDesignP.PLAY, "Score images (F5)", a::score);
        score.disableProperty().bind(vm.project().modelProperty().isNull().or(vm.scoring().runningProperty()));
        Button stop = button(MaterialDesignS.STOP, "Stop scoring", a::stopScoring);
        stop.disableProperty().bind(vm.scoring().runningProperty().not());
        Button train = button(MaterialDesignS.SCHOOL_OUTLINE, "Train a new model on the good images (Ctrl+T)", a::train);
        train.setText("Train");
        train.setId("toolbarTrain");
        train.disableProperty().bind(vm.project().trainingCountProperty().isEqualTo(0));
        Button export = button(MaterialDesignF.FILE_EXPORT_OUTLINE, "Export a CSV report (Ctrl+E)", a::export);
        export.setText("Export");
        export.disableProperty().bind(vm.project().modelProperty().isNull());
        return new ToolBar(
                button(MaterialDesignF.FOLDER_OPEN_OUTLINE, "Open project (Ctrl+O)", a::openProject),
                button(MaterialDesignC.CONTENT_SAVE_OUTLINE, "Save project (Ctrl+S)", a::saveProject),
                new Separator(),
                button(MaterialDesignI.IMAGE_PLUS, "Add images (Ctrl+I)", a::addImages),
                button(MaterialDesignF.FOLDER_PLUS_OUTLINE, "Add a folder or data set (Ctrl+Shift+I)", a::addFolder),
                new Separator(),
                train,
                button(MaterialDesignB.BRAIN, "Open a model (Ctrl+M)", a::openModel),
                score, stop,
                new Separator(),
                export);
    }

    /** An item that needs a model: disabled without one. */
    private MenuItem modelAction(MenuItem item) {
        item.disableProperty().bind(vm.project().modelProperty().isNull());
        return item;
    }

    private static MenuItem item(String text, Ikon icon, String accelerator, Runnable action) {
        MenuItem i = new MenuItem(text, icon == null ? null : Icons.of(icon, Icons.MENU));
        if (accelerator != null) {
            i.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        i.setOnAction(e -> action.run());
        return i;
    }

    private static Button button(Ikon icon, String tip, Runnable action) {
        Button b = new Button(null, Icons.of(icon, Icons.TOOLBAR));
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }
}
