package org.ssaeinspector.app.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The most recently opened or saved projects, newest first, kept in the user's preferences. */
public final class RecentProjects {
    public static final int MAX = 8;
    private final Preferences node;
    private final ObservableList<Path> paths = FXCollections.observableArrayList();

    public RecentProjects(Preferences node) {
        this.node = node;
        for (int i = 0; i < MAX; i++) {
            String s = node.get("recent." + i, null);
            if (s != null && !s.isBlank()) {
                paths.add(Path.of(s));
            }
        }
    }

    /** The app's own preferences node. */
    public static RecentProjects forUser() {
        return new RecentProjects(Preferences.userRoot().node("org/ssaeinspector/app"));
    }

    public ObservableList<Path> paths() {
        return paths;
    }

    public void add(Path project) {
        Path p = project.toAbsolutePath().normalize();
        List<Path> list = new ArrayList<>(paths);
        list.remove(p);
        list.add(0, p);
        paths.setAll(list.subList(0, Math.min(MAX, list.size())));
        store();
    }

    public void remove(Path project) {
        paths.remove(project.toAbsolutePath().normalize());
        store();
    }

    private void store() {
        for (int i = 0; i < MAX; i++) {
            if (i < paths.size()) {
                node.put("recent." + i, paths.get(i).toString());
            } else {
                node.remove("recent." + i);
            }
        }
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Recent projects are a convenience: losing the list must not disturb the user.
        }
    }
}
