package org.ssaeinspector.app.task;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/** A submitted piece of work as the UI sees it; its properties change on the UI thread. */
public interface BackgroundJob {
    String title();

    /**
     * Asks the work to stop. Cooperative: the work sees {@link WorkContext#isCancelled()} and
     * may still return a result (a cancelled training keeps its last good state).
     */
    void cancel();

    boolean isCancelRequested();

    ReadOnlyBooleanProperty runningProperty();

    /** 0..1, or -1 while the amount of work is unknown. */
    ReadOnlyDoubleProperty progressProperty();

    ReadOnlyStringProperty messageProperty();
}
