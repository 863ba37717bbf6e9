package org.ssaeinspector.app.view;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ssaeinspector.app.fakes.Fixtures;
import org.ssaeinspector.app.fakes.RecordingPrompts;
import org.ssaeinspector.app.service.EngineService;
import org.ssaeinspector.app.task.FxBackgroundRunner;
import org.ssaeinspector.app.viewmodel.MainViewModel;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The main window over real background threads, for screen tests that need them (training,
 * scoring, watching run as in the app): the subclass names the engine, fake or real.
 */
@ExtendWith(ApplicationExtension.class)
abstract class ScreenTest<E extends EngineService> {
    final E engine;
    final FxBackgroundRunner runner = new FxBackgroundRunner();
    final RecordingPrompts prompts = new RecordingPrompts();
    MainViewModel vm;
    MainWindow window;

    ScreenTest(E engine) {
        this.engine = engine;
    }

    /**
     * Builds and shows the window; each test class calls it from its own {@code @Start} method
     * (TestFX looks for that method on the test class only, not on its superclasses).
     */
    void show(Stage stage) {
        vm = Fixtures.main(engine, runner, prompts);
        window = new MainWindow(vm, stage);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        runner.close();
    }
}
