package org.ssaeinspector.app.view;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import java.util.List;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.GridView;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.ssaeinspector.app.viewmodel.GalleryFilter;
import org.ssaeinspector.app.viewmodel.GallerySort;
import org.ssaeinspector.app.viewmodel.GalleryViewModel;
import org.ssaeinspector.app.viewmodel.ImageItem;
import org.ssaeinspector.app.viewmodel.ThumbnailCache;

/** The thumbnail grid with its filter, sort and heatmap controls. */
final class GalleryView extends BorderPane {
    private final GridView<ImageItem> grid;
    private final GalleryViewModel vm;
    private final Label empty = new Label();

    GalleryView(GalleryViewModel vm, ThumbnailCache thumbnails, Consumer<ImageItem> open) {
        this.vm = vm;
        ComboBox<GalleryFilter> filter = new ComboBox<>(FXCollections.observableArrayList(GalleryFilter.values()));
        filter.valueProperty().bindBidirectional(vm.filterProperty());
        filter.setId("galleryFilter");
        ComboBox<GallerySort> sort = new ComboBox<>(FXCollections.observableArrayList(GallerySort.values()));
        sort.valueProperty().bindBidirectional(vm.sortProperty());
        sort.setId("gallerySort");
        ToggleButton overlay = new ToggleButton(null, Icons.of(MaterialDesignF.FIRE, Icons.MENU));
        overlay.selectedProperty().bindBidirectional(vm.overlayVisibleProperty());
        overlay.setTooltip(new Tooltip("Show the heatmap over the thumbnails (Ctrl+H)"));
        overlay.setId("overlayToggle");
        Slider opacity = new Slider(0, 1, vm.overlayOpacityProperty().get());
        opacity.valueProperty().bindBidirectional(vm.overlayOpacityProperty());
        opacity.setPrefWidth(80);
        opacity.setId("overlayOpacity");
        opacity.setTooltip(new Tooltip("Heatmap opacity"));
        opacity.disableProperty().bind(overlay.selectedProperty().not());
        Label count = new Label();
        count.getStyleClass().add("muted");
        count.textProperty().bind(Bindings.size(vm.visibleItems()).asString("%d shown"));
        filter.setTooltip(new Tooltip("Which images to show (Alt+1..5)"));
        sort.setTooltip(new Tooltip("Order of the images"));
        // As wide as their longest entry, never squeezed to an empty box in a narrow window.
        for (ComboBox<?> c : List.of(filter, sort)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        count.setMinWidth(Region.USE_PREF_SIZE);
        HBox choose = new HBox(10, filter, sort, count);
        choose.setAlignment(Pos.CENTER_LEFT);
        HBox heat = new HBox(10, new HeatmapLegend(vm.colourScaleProperty()), overlay, opacity);
        heat.setAlignment(Pos.CENTER_LEFT);
        // Two groups that wrap onto a second row when the gallery is narrow (small windows).
        FlowPane bar = new FlowPane(choose, heat);
        bar.getStyleClass().add("gallery-bar");
        bar.setAlignment(Pos.CENTER_LEFT);

        grid = new GridView<>(vm.visibleItems());
        grid.setId("gallery");
        grid.setCellWidth(GalleryCell.PHOTO);
        grid.setCellHeight(GalleryCell.PHOTO + 22);
        grid.setHorizontalCellSpacing(MIN_SPACING);
        grid.setVerticalCellSpacing(MIN_SPACING);
        grid.widthProperty().addListener(o -> shareOutRowWidth());
        grid.setCellFactory(g -> {
            GalleryCell cell = new GalleryCell(vm, thumbnails);
            cell.setOnMouseClicked(e -> {
                if (cell.getItem() == null || e.getButton() != MouseButton.PRIMARY) {
                    return;
                }
                vm.selectedProperty().set(cell.getItem());
                if (e.getClickCount() == 2) {
                    open.accept(cell.getItem());
                }
            });
            cell.setContextMenu(contextMenu(vm, cell, open));
            cell.itemProperty().addListener((o, a, b) -> cell.updateSelected(b != null && b == vm.selectedProperty().get()));
            vm.selectedProperty().addListener((o, a, b) -> cell.updateSelected(cell.getItem() != null && cell.getItem() == b));
            return cell;
        });
        grid.setFocusTraversable(true);
        grid.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && vm.selectedProperty().get() != null) {
                open.accept(vm.selectedProperty().get());
            } else if (e.getCode() == KeyCode.DELETE) {
                vm.removeSelected();
            } else if (e.getCode() == KeyCode.G) {
                vm.markSelected(org.ssaeinspector.dataset.Label.GOOD);
            } else if (e.getCode() == KeyCode.D) {
                vm.markSelected(org.ssaeinspector.dataset.Label.DEFECTIVE);
            } else if (e.getCode() == KeyCode.U) {
                vm.markSelected(null);
            } else if (e.getCode() == KeyCode.RIGHT || e.getCode() == KeyCode.LEFT) {
                ImageItem sel = vm.selectedProperty().get();
                int dir = e.getCode() == KeyCode.RIGHT ? 1 : -1;
                (sel == null ? vm.visibleItems().stream().findFirst() : vm.next(sel, dir))
                        .ifPresent(vm.selectedProperty()::set);
            } else {
                return;
            }
            e.consume();
        });
        // New threshold, new colours: repaint the overlays of the cells on screen only (cells the
        // grid has dropped would otherwise keep listening and repainting).
        vm.colourScaleProperty().addListener(o -> {
            for (javafx.scene.Node n : grid.lookupAll(".gallery-cell")) {
                ((GalleryCell) n).paintHeat();
            }
        });
        empty.getStyleClass().add("muted");
        empty.setId("galleryHint");
        // Short lines of its own, never wrapped: no word left alone on a line (narrowest gallery: 420 px).
        empty.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        empty.setMinWidth(Region.USE_PREF_SIZE);
        empty.visibleProperty().bind(Bindings.isEmpty(vm.visibleItems()));
        empty.textProperty().bind(Bindings.createStringBinding(() -> vm.project().items().isEmpty()
                ? "Drop images here: an MVTec-style data set,\na folder of images, or single images.\n"
                + "Good training images: drop them on the set at the left."
                : "No image matches the filter.", vm.project().items()));
        empty.setMouseTransparent(true);
        setTop(bar);
        setCenter(new StackPane(grid, empty));
    }

    /** Space on each side of a thumbnail at the least. */
    static final double MIN_SPACING = 6;
    /** Width the grid's skin keeps back from each row (its scroll bar). */
    private static final double ROW_RESERVE = 18;

    /**
     * Shares the width a row of thumbnails leaves over out between them, so that the thumbnails
     * span the gallery instead of leaving an empty band at its right.
     */
    private void shareOutRowWidth() {
        double row = grid.getWidth() - ROW_RESERVE;
        int columns = Math.max(1, (int) Math.floor(row / (GalleryCell.PHOTO + 2 * MIN_SPACING)));
        // A hair under the exact share, so that rounding never makes the grid drop a column.
        double spacing = Math.max(MIN_SPACING, (row / columns - GalleryCell.PHOTO) / 2 - 0.05);
        grid.setHorizontalCellSpacing(spacing);
    }

    private static javafx.scene.control.ContextMenu contextMenu(GalleryViewModel vm, GalleryCell cell,
                                                               Consumer<ImageItem> open) {
        javafx.scene.control.MenuItem show = new javafx.scene.control.MenuItem("Open");
        show.setOnAction(e -> open.accept(cell.getItem()));
        javafx.scene.control.MenuItem good = new javafx.scene.control.MenuItem("Label Good (G)");
        good.setOnAction(e -> vm.markSelected(org.ssaeinspector.dataset.Label.GOOD));
        javafx.scene.control.MenuItem bad = new javafx.scene.control.MenuItem("Label Defective (D)");
        bad.setOnAction(e -> vm.markSelected(org.ssaeinspector.dataset.Label.DEFECTIVE));
        javafx.scene.control.MenuItem clear = new javafx.scene.control.MenuItem("Folder's Label (U)");
        clear.setOnAction(e -> vm.markSelected(null));
        javafx.scene.control.MenuItem remove = new javafx.scene.control.MenuItem("Remove from Project (Delete)");
        remove.setOnAction(e -> vm.removeSelected());
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(show,
                new javafx.scene.control.SeparatorMenuItem(), good, bad, clear,
                new javafx.scene.control.SeparatorMenuItem(), remove);
        // The menu acts on the image under the pointer.
        menu.setOnShowing(e -> vm.selectedProperty().set(cell.getItem()));
        return menu;
    }

    GridView<ImageItem> grid() {
        return grid;
    }
}
