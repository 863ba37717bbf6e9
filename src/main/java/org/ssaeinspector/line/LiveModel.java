package org.ssaeinspector.line;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.ssaeinspector.dataset.DataFingerprint;
import org.ssaeinspector.model.ModelFile;
import org.ssaeinspector.model.ModelHeader;
import org.ssaeinspector.model.SsaeModel;
import org.ssaeinspector.scoring.Inspector;
import org.ssaeinspector.util.IoMessages;
import org.ssaeinspector.util.UserFacingException;

/**
 * A model file in service that may be replaced while it serves. Work takes a {@link Lease} on the
 * model that is current when it starts and keeps it to the end; a new file (written beside the
 * old one and renamed over it, as {@link ModelFile#save} does) is loaded on the side and becomes
 * current once loaded, and the old model is closed when its last lease ends. A new file that does
 * not load is reported and the old model kept. Thread-safe.
 */
public final class LiveModel implements AutoCloseable {
    /** What happens to the model file, for the log and the metrics. */
    public interface Events {
        void reloaded(Version previous, Version current);

        void reloadFailed(Path file, String problem);
    }

    /** One loaded version of the model file. */
    public static final class Version {
        private final SsaeModel model;
        private final Inspector inspector;
        private final String sha256;
        private final FileState state;
        private final Instant loadedAt;
        private int leases;
        private boolean retired;
        private boolean closed;

        private Version(SsaeModel model, String sha256, FileState state) {
            this.model = model;
            this.inspector = new Inspector(model);
            this.sha256 = sha256;
            this.state = state;
            this.loadedAt = Instant.now();
        }

        public ModelHeader header() {
            return model.header();
        }

        public String sha256() {
            return sha256;
        }

        public Instant loadedAt() {
            return loadedAt;
        }

        private synchronized boolean retain() {
            if (retired) {
                return false;
            }
            leases++;
            return true;
        }

        private void release() {
            boolean close;
            synchronized (this) {
                leases--;
                close = retired && leases == 0 && !closed;
                closed |= close;
            }
            if (close) {
                model.close();
            }
        }

        /** No new leases; closed now or when the last one ends. */
        private void retire() {
            boolean close;
            synchronized (this) {
                retired = true;
                close = leases == 0 && !closed;
                closed |= close;
            }
            if (close) {
                model.close();
            }
        }
    }

    /** The use of one model version for one piece of work; close it when the work is done. */
    public static final class Lease implements AutoCloseable {
        private final Version version;
        private boolean released;

        private Lease(Version version) {
            this.version = version;
        }

        public SsaeModel model() {
            return version.model;
        }

        public Inspector inspector() {
            return version.inspector;
        }

        public String sha256() {
            return version.sha256;
        }

        public Version version() {
            return version;
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                version.release();
            }
        }
    }

    private final Path file;
    private final AtomicReference<Version> current;
    private final Object reloading = new Object();
    private final Settling settling;
    /** The state of the file whose content is current. */
    private FileState accepted;
    /** The state of the file when it last failed to load: not tried again until it changes. */
    private FileState failed;
    private boolean closed;
    private String missingReported;
    private ScheduledExecutorService watcher;

    private LiveModel(Path file, Version first, Duration settle) {
        this.file = file;
        this.current = new AtomicReference<>(first);
        this.accepted = first.state;
        this.settling = new Settling(settle);
    }

    /**
     * Loads the model file.
     *
     * @param settle how long a changed file must stay unchanged before it is loaded (a copy written
     *               in place, not renamed, is then complete)
     * @throws UserFacingException when it cannot be loaded; the message names the file and the problem
     */
    public static LiveModel load(Path file, Duration settle) {
        return new LiveModel(file, loadVersion(file), settle);
    }

    private static Version loadVersion(Path file) {
        FileState state;
        try {
            state = FileState.of(file);
        } catch (NoSuchFileException e) {
            throw new UserFacingException(file + ": model file not found", e);
        } catch (IOException e) {
            throw new UserFacingException(file + ": cannot read the model file (" + IoMessages.reason(e) + ")", e);
        }
        String before = sha256(file);
        SsaeModel model = ModelFile.load(file);
        String after = sha256(file);
        if (!before.equals(after)) {
            model.close();
            throw new UserFacingException(file + ": the model file changed while it was being loaded");
        }
        return new Version(model, before, state);
    }

    private static String sha256(Path file) {
        try {
            return DataFingerprint.sha256(file);
        } catch (UncheckedIOException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** The version new work gets now. */
    public Version current() {
        return current.get();
    }

    /** A lease on the current version (retried when a reload retires it at that moment). */
    public Lease acquire() {
        while (true) {
            Version v = current.get();
            if (v.retain()) {
                return new Lease(v);
            }
            if (v == current.get()) {
                throw new IllegalStateException("the model has been closed");
            }
        }
    }

    /**
     * Looks at the file once: when it has changed and stayed unchanged for the settle time, and its
     * content differs from the current version's, loads it and makes it current.
     *
     * @return true when a new version became current
     */
    public boolean reloadIfChanged(Events events) {
        synchronized (reloading) {
            if (closed) {
                return false;
            }
            Version now = current.get();
            FileState state;
            try {
                state = FileState.of(file);
                missingReported = null;
            } catch (IOException e) {
                String problem = e instanceof NoSuchFileException ? "model file not found" : IoMessages.reason(e);
                if (!problem.equals(missingReported)) {
                    missingReported = problem;
                    events.reloadFailed(file, file + ": " + problem + "; keeping the model loaded (" + shortSha(now) + ")");
                }
                return false;
            }
            if (state.equals(accepted) || state.equals(failed) || !settling.settled(file, state, System.nanoTime())) {
                return false;
            }
            Version next;
            try {
                next = loadVersion(file);
            } catch (UserFacingException e) {
                failed = state;
                events.reloadFailed(file, e.getMessage() + "; keeping the model loaded (" + shortSha(now) + ")");
                return false;
            }
            accepted = next.state;
            failed = null;
            if (next.sha256.equals(now.sha256)) {
                next.retire(); // the same bytes under a new stamp: keep serving the loaded one
                return false;
            }
            current.set(next);
            now.retire();
            events.reloaded(now, next);
            return true;
        }
    }

    private static String shortSha(Version v) {
        return "SHA-256 " + v.sha256.substring(0, 12);
    }

    /** Checks the file every {@code every} on a background thread until {@link #close()}. */
    public synchronized void watch(Duration every, Events events) {
        if (watcher != null) {
            return;
        }
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "model-reload");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(() -> {
            try {
                reloadIfChanged(events);
            } catch (RuntimeException e) {
                events.reloadFailed(file, String.valueOf(e.getMessage()));
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops watching; the current model is closed once its last lease ends. */
    @Override
    public void close() {
        synchronized (this) {
            if (watcher != null) {
                watcher.shutdownNow();
                try {
                    watcher.awaitTermination(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        synchronized (reloading) {
            if (!closed) {
                closed = true;
                current.get().retire();
            }
        }
    }
}
