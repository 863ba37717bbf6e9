package org.ssaeinspector.app.task;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The observable state of one job, shared by both runner implementations. */
final class JobState implements BackgroundJob {
    private final String title;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(true);
    final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    JobState(String title) {
        this.title = title;
        message.set(title);
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public void cancel() {
        cancelRequested.set(true);
    }

    @Override
    public boolean isCancelRequested() {
        return cancelRequested.get();
    }

    @Override
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return title;
    }
}
