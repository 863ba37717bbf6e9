package org.ssaeinspector.app.fakes;

import java.util.prefs.Preferences;
import org.ssaeinspector.app.project.RecentProjects;
import org.ssaeinspector.app.service.EngineService;
import org.ssaeinspector.app.viewmodel.UserPrompts;
import org.ssaeinspector.app.task.BackgroundRunner;
import org.ssaeinspector.app.viewmodel.MainViewModel;

/** Builds view models over the fake engine and the real data, metrics and export services. */
public final class Fixtures {
    private Fixtures() {
    }

    /** Recent projects in a throw-away preferences node. */
    public static RecentProjects recent() {
        try {
            Preferences node = Preferences.userRoot().node("org/ssaeinspector/test-recent");
            node.removeNode();
            return new RecentProjects(Preferences.userRoot().node("org/ssaeinspector/test-recent"));
        } catch (java.util.prefs.BackingStoreException e) {
            throw new IllegalStateException(e);
        }
    }

    public static MainViewModel main(EngineService engine, BackgroundRunner runner, UserPrompts prompts) {
        return new MainViewModel(engine, runner, prompts, recent());
    }
}
