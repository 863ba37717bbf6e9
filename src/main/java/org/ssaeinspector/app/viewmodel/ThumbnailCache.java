package org.ssaeinspector.app.viewmodel;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.ssaeinspector.app.service.Thumbnail;
import org.ssaeinspector.app.service.ThumbnailLoader;
import org.ssaeinspector.app.task.BackgroundRunner;
import org.ssaeinspector.app.task.Lane;

/**
 * Thumbnails on demand, decoded on the IO lane. Requests are served newest first (the cells on
 * screen now) and the queue is bounded, so fast scrolling through 10,000 images does not leave a
 * backlog of pictures nobody looks at. The cache is a bounded LRU.
 */
public final class ThumbnailCache {
    /** Title of the loading jobs (the status bar does not announce them). */
    public static final String JOB_TITLE = "Loading thumbnails";
    private static final int WORKERS = 2;
    private static final int MAX_PENDING = 256;

    private final BackgroundRunner runner;
    private final ThumbnailLoader loader;
    private final int capacity;
    private final Map<Path, Thumbnail> cache;
    private final Map<Path, List<Consumer<Thumbnail>>> waiting = new HashMap<>();
    private final Deque<Path> pending = new ArrayDeque<>();
    private int workers;

    public ThumbnailCache(BackgroundRunner runner, ThumbnailLoader loader, int capacity) {
        this.runner = runner;
        this.loader = loader;
        this.capacity = capacity;
        this.cache = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Path, Thumbnail> eldest) {
                return size() > ThumbnailCache.this.capacity;
            }
        };
    }

    /** Calls {@code onReady} on the UI thread with the thumbnail: at once if cached, else later. */
    public void request(Path file, Consumer<Thumbnail> onReady) {
        Thumbnail t = cache.get(file);
        if (t != null) {
            onReady.accept(t);
            return;
        }
        List<Consumer<Thumbnail>> list = waiting.get(file);
        if (list != null) {
            list.add(onReady);
            synchronized (pending) {
                if (pending.remove(file)) {
                    pending.addFirst(file);
                }
            }
            return;
        }
        list = new ArrayList<>();
        list.add(onReady);
        waiting.put(file, list);
        synchronized (pending) {
            pending.addFirst(file);
            while (pending.size() > MAX_PENDING) {
                waiting.remove(pending.removeLast());
            }
        }
        startWorkers();
    }

    public int size() {
        return cache.size();
    }

    private void startWorkers() {
        while (workers < WORKERS && hasPending()) {
            workers++;
            runner.submit(Lane.IO, JOB_TITLE, ctx -> {
                for (Path p; (p = poll()) != null; ) {
                    Path file = p;
                    Thumbnail t = loader.load(file);
                    ctx.ui(() -> deliver(file, t));
                }
                return null;
            }, r -> workerDone(), e -> workerDone());
        }
    }

    private void workerDone() {
        workers--;
        startWorkers();
    }

    private boolean hasPending() {
        synchronized (pending) {
            return !pending.isEmpty();
        }
    }

    private Path poll() {
        synchronized (pending) {
            return pending.pollFirst();
        }
    }

    private void deliver(Path file, Thumbnail t) {
        cache.put(file, t);
        List<Consumer<Thumbnail>> list = waiting.remove(file);
        if (list != null) {
            list.forEach(c -> c.accept(t));
        }
    }
}
