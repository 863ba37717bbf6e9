package org.ssaeinspector.app;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;
import org.ssaeinspector.app.project.RecentProjects;
import org.ssaeinspector.app.service.DjlEngineService;
import org.ssaeinspector.app.task.FxBackgroundRunner;
import org.ssaeinspector.app.view.FxPromptsFactory;
import org.ssaeinspector.app.view.MainWindow;
import org.ssaeinspector.app.viewmodel.MainViewModel;

/** The JavaFX application: wires the services, the view model and the main window. */
public final class InspectorApp extends Application {
    private static volatile Path openAtStart;
    private FxBackgroundRunner runner;

    static void setOpenAtStart(Path path) {
        openAtStart = path;
    }

    @Override
    public void start(Stage stage) {
        runner = new FxBackgroundRunner();
        MainViewModel vm = new MainViewModel(new DjlEngineService(), runner, FxPromptsFactory.forWindow(stage),
                RecentProjects.forUser());
        new MainWindow(vm, stage);
        stage.show();
        Path open = openAtStart != null ? openAtStart : SampleImagesLocator.find().map(SampleImagesLocator::openingFolder).orElse(null);
        if (open != null) {
            vm.open(open);
        }
    }

    @Override
    public void stop() {
        if (runner != null) {
            runner.close();
        }
    }
}
