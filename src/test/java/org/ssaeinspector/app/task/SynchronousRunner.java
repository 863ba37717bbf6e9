package org.ssaeinspector.app.task;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Test double of {@link BackgroundRunner}: runs every job at once on the calling thread, so a
 * view model's state is final when the call returns. Records job titles and the lanes used.
 */
public final class SynchronousRunner implements BackgroundRunner {
    public final List<String> titles = new ArrayList<>();
    public final List<Lane> lanes = new ArrayList<>();
    /** When set, work sees itself cancelled after this many progress reports. */
    public int cancelAfterProgressReports = -1;
    private final ObservableList<BackgroundJob> active = FXCollections.observableArrayList();

    @Override
    public <T> BackgroundJob submit(Lane lane, String title, Work<T> work, Consumer<? super T> onSuccess,
                                    Consumer<Throwable> onFailure) {
        titles.add(title);
        lanes.add(lane);
        JobState state = new JobState(title);
        active.add(state);
        int[] reports = {0};
        WorkContext context = new WorkContext() {
            @Override
            public boolean isCancelled() {
                return state.isCancelRequested();
            }

            @Override
            public void updateProgress(double done, double total) {
                state.progress.set(total <= 0 ? -1 : done / total);
                if (cancelAfterProgressReports >= 0 && ++reports[0] >= cancelAfterProgressReports) {
                    state.cancel();
                }
            }

            @Override
            public void updateMessage(String message) {
                state.message.set(message);
            }

            @Override
            public void ui(Runnable action) {
                action.run();
            }
        };
        T result;
        try {
            result = work.run(context);
        } catch (Exception e) {
            state.running.set(false);
            active.remove(state);
            onFailure.accept(e);
            return state;
        }
        state.running.set(false);
        active.remove(state);
        onSuccess.accept(result);
        return state;
    }

    @Override
    public void onUi(Runnable action) {
        action.run();
    }

    @Override
    public ObservableList<BackgroundJob> activeJobs() {
        return active;
    }
}
