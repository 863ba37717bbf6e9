package org.ssaeinspector.line;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.ssaeinspector.dataset.ImageSample;
import org.ssaeinspector.export.CsvReport;
import org.ssaeinspector.export.ReportRow;
import org.ssaeinspector.imageio.ImageFiles;
import org.ssaeinspector.imageio.ImageLoadException;
import org.ssaeinspector.imageio.ImageLoader;
import org.ssaeinspector.scoring.InspectionResult;
import org.ssaeinspector.util.AtomicFiles;
import org.ssaeinspector.util.IoMessages;
import org.ssaeinspector.util.UserFacingException;

/**
 * A hot folder: scores every file that appears in a folder (and those there at the start), once
 * each, once it is completely written, and appends one CSV row per file.
 *
 * <ul>
 *   <li><b>Complete files only.</b> A file is taken once it has kept its size, time and identity
 *   for the settle time ({@link Settling}); hidden files and temporary names ({@code .tmp},
 *   {@code .part}, ...) are left alone until they are renamed. Only the folder itself is watched,
 *   not its sub-folders (the pass, fail and rejected folders may live there).</li>
 *   <li><b>Once each, across restarts.</b> Each row is forced to disk before the file is moved; the
 *   CSV itself is the record of what was done, and a side journal ({@link Journal}) tells a file
 *   that was scored from a new one written later under the same name. On start, a file that already
 *   has its row is not scored again; it is put where its row says (a move the stop interrupted).</li>
 *   <li><b>Pass, fail, rejected.</b> Optionally moved (or copied) into a pass or fail folder by its
 *   verdict; a file that cannot be scored (not an image, truncated, empty) gets a row with the
 *   problem and is moved aside into the rejected folder; the run goes on.</li>
 *   <li><b>Bursts.</b> Settled files wait in a bounded queue (the folder itself holds the rest) and
 *   are scored in batches of up to {@code batch} when they pile up.</li>
 *   <li><b>Watching.</b> The JDK's {@link WatchService} wakes the watcher when the folder changes;
 *   the whole folder is listed again every {@code rescan} as well, since watch events can be lost
 *   (overflow) or never come (network shares; macOS, where the JDK polls).</li>
 * </ul>
 *
 * {@link #stop()} finishes the batch in progress, writes its rows and returns; files not started
 * stay in the folder for the next start.
 */
public final class HotFolder implements AutoCloseable {
    /** Where a scored file goes. */
    public enum Verdict { PASS, FAIL, REJECTED }

    /**
     * @param in          the watched folder
     * @param csv         the report rows are appended to
     * @param journal     the side journal (default {@code <csv>.journal})
     * @param passDir     where passing images go (null: they stay)
     * @param failDir     where flagged images go (null: they stay)
     * @param rejectedDir where files that could not be scored go (null: they stay)
     * @param copy        copy instead of moving (the folder keeps every file)
     * @param threshold   flag above this score (null: the model's threshold)
     * @param poll        how often files still being written are looked at again
     * @param rescan      how often the whole folder is listed again
     * @param settle      how long a file must stay unchanged before it is scored
     * @param queue       settled files waiting to be scored, at most
     * @param batch       files scored in one network call, at most
     * @param reportEvery how often throughput is reported
     */
    public record Settings(Path in, Path csv, Path journal, Path passDir, Path failDir, Path rejectedDir, boolean copy,
                           Double threshold, Duration poll, Duration rescan, Duration settle, int queue, int batch,
                           Duration reportEvery) {
        public Settings {
            Objects.requireNonNull(in, "in");
            Objects.requireNonNull(csv, "csv");
            journal = journal != null ? journal : csv.resolveSibling(csv.getFileName() + ".journal");
            if (queue < 1 || batch < 1) {
                throw new IllegalArgumentException("queue and batch must be at least 1");
            }
        }

        /** The defaults: rejected files into {@code <in>/rejected}, the others stay. */
        public static Settings of(Path in, Path csv) {
            return new Settings(in, csv, null, null, null, in.resolve("rejected"), false, null, Duration.ofMillis(200),
                    Duration.ofSeconds(5), Duration.ofSeconds(1), 64, 8, Duration.ofSeconds(30));
        }

        public Settings withFolders(Path pass, Path fail, Path rejected, boolean copyFiles) {
            return new Settings(in, csv, journal, pass, fail, rejected, copyFiles, threshold, poll, rescan, settle, queue,
                    batch, reportEvery);
        }

        public Settings withTiming(Duration pollEvery, Duration rescanEvery, Duration settleTime, Duration report) {
            return new Settings(in, csv, journal, passDir, failDir, rejectedDir, copy, threshold, pollEvery, rescanEvery,
                    settleTime, queue, batch, report);
        }

        public Settings withScoring(Double flagAbove, int queueSize, int batchSize) {
            return new Settings(in, csv, journal, passDir, failDir, rejectedDir, copy, flagAbove, poll, rescan, settle,
                    queueSize, batchSize, reportEvery);
        }
    }

    /**
     * One file done.
     *
     * @param image       the file as it was found in the folder
     * @param verdict     pass, fail or rejected
     * @param row         its CSV row
     * @param movedTo     where it was moved or copied, or null when it stayed
     * @param moveProblem why it could not be moved or copied (it stays), or null
     */
    public record Outcome(Path image, Verdict verdict, ReportRow row, Path movedTo, String moveProblem) {
    }

    /**
     * Throughput over the last report period.
     *
     * @param window  the period
     * @param images  files done in it (scored and rejected)
     * @param flagged of those, flagged
     * @param rejected of those, rejected
     * @param waiting files seen but not yet done (being written, settling or queued)
     * @param total   files done since the start
     */
    public record Throughput(Duration window, int images, int flagged, int rejected, int waiting, long total) {
        public double perSecond() {
            return window.isZero() ? 0 : images * 1000.0 / window.toMillis();
        }
    }

    /** What the hot folder tells its front end; called from its threads. */
    public interface Listener {
        default void inspected(Outcome outcome) {
        }

        default void throughput(Throughput throughput) {
        }

        default void notice(String message) {
        }

        default void warning(String message) {
        }
    }

    private record Candidate(Path path, FileState state) {
    }

    private final LiveModel model;
    private final Settings settings;
    private final Listener listener;
    private final Path in;
    private final FolderWatch watch;
    private final BlockingQueue<Candidate> queue;
    private final AtomicLong total = new AtomicLong();
    private final AtomicInteger windowImages = new AtomicInteger();
    private final AtomicInteger windowFlagged = new AtomicInteger();
    private final AtomicInteger windowRejected = new AtomicInteger();
    private final CountDownLatch stopped = new CountDownLatch(2);
    private volatile boolean stopping;
    private volatile RuntimeException failure;
    private CsvReport.Appender csv;
    private Journal journal;
    private Thread scanner;
    private Thread scorer;
    private int recordedAtStart;

    public HotFolder(LiveModel model, Settings settings, Listener listener) {
        this.model = model;
        this.settings = settings;
        this.listener = listener;
        this.in = settings.in().toAbsolutePath().normalize();
        this.queue = new ArrayBlockingQueue<>(settings.queue());
        this.watch = new FolderWatch(settings.in(), Set.of(settings.csv().toAbsolutePath().normalize(),
                settings.journal().toAbsolutePath().normalize()), settings.poll(), settings.rescan(), settings.settle(),
                listener::warning);
    }

    /**
     * Opens the CSV and the journal, finishes what the last stop left (see the class comment),
     * and starts watching.
     *
     * @throws UserFacingException when the folder, the CSV or the journal cannot be used
     */
    public synchronized void start() {
        if (!Files.isDirectory(in)) {
            throw new UserFacingException(settings.in() + ": not a folder");
        }
        Set<Path> present = new HashSet<>(watch.listCandidates());
        Map<Path, CsvReport.Recorded> rows = new HashMap<>();
        csv = CsvReport.appendTo(settings.csv(), r -> {
            Path p = pathOf(r.path());
            if (p != null && present.contains(p)) {
                rows.put(p, r);
            }
        });
        Map<Path, Journal.Entry> stamps = new HashMap<>();
        try {
            journal = Journal.open(settings.journal(), e -> {
                Path p = pathOf(e.path());
                if (p != null && present.contains(p)) {
                    stamps.put(p, e);
                }
            });
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
        recordedAtStart = rows.size();
        for (Map.Entry<Path, CsvReport.Recorded> r : rows.entrySet()) {
            finishRecorded(r.getKey(), r.getValue(), stamps.get(r.getKey()));
        }
        watch.open();
        scanner = new Thread(this::scanLoop, "hot-folder-scan");
        scorer = new Thread(this::scoreLoop, "hot-folder-score");
        scanner.start();
        scorer.start();
    }

    /** Files with a row from an earlier run when this one started. */
    public int recordedAtStart() {
        return recordedAtStart;
    }

    /** A file that has its row: scored again only when it has been replaced since (another stamp). */
    private void finishRecorded(Path file, CsvReport.Recorded row, Journal.Entry stamp) {
        FileState state;
        try {
            state = FileState.of(file);
        } catch (IOException e) {
            return;
        }
        if (stamp != null && (stamp.size() != state.size() || stamp.modified() != state.modified())) {
            return; // a new file under an old name
        }
        Verdict verdict = !row.scored() ? Verdict.REJECTED : row.flagged() ? Verdict.FAIL : Verdict.PASS;
        Path dir = folderFor(verdict);
        if (dir != null && !(settings.copy() && Files.exists(dir.resolve(file.getFileName())))) {
            try {
                Path to = dispose(file, dir);
                listener.notice(file + ": already scored before the last stop; " + (settings.copy() ? "copied" : "moved")
                        + " to " + to);
                if (!settings.copy()) {
                    return;
                }
            } catch (IOException e) {
                listener.warning(file + ": cannot be " + (settings.copy() ? "copied" : "moved") + " to " + dir + " ("
                        + IoMessages.reason(e) + "); it stays");
            }
        }
        watch.finished(file, state);
    }

    private static Path pathOf(String text) {
        try {
            return Path.of(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    // ---- watching ----

    private void scanLoop() {
        try {
            long nextReport = System.nanoTime() + settings.reportEvery().toNanos();
            while (!stopping) {
                watch.step(a -> queue.offer(new Candidate(a.path(), a.state())));
                if (System.nanoTime() - nextReport >= 0) {
                    report();
                    nextReport = System.nanoTime() + settings.reportEvery().toNanos();
                }
                watch.awaitChanges();
            }
        } catch (RuntimeException | Error e) {
            fail(e);
        } finally {
            stopped.countDown();
        }
    }

    static boolean isCandidateName(Path name) {
        return FolderWatch.isCandidateName(name);
    }

    private void report() {
        int images = windowImages.getAndSet(0);
        int flagged = windowFlagged.getAndSet(0);
        int rejected = windowRejected.getAndSet(0);
        int waiting = queue.size() + watch.waiting();
        if (images > 0 || waiting > 0) {
            listener.throughput(new Throughput(settings.reportEvery(), images, flagged, rejected, waiting, total.get()));
        }
    }

    // ---- scoring ----

    private void scoreLoop() {
        try {
            while (!stopping) {
                Candidate first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Candidate> batch = new ArrayList<>(settings.batch());
                batch.add(first);
                queue.drainTo(batch, settings.batch() - 1);
                score(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            fail(e);
        } finally {
            for (Candidate c : queue) {
                watch.finished(c.path(), null);
            }
            queue.clear();
            stopped.countDown();
        }
    }

    private void score(List<Candidate> batch) {
        try (LiveModel.Lease lease = model.acquire()) {
            double t = settings.threshold() != null ? settings.threshold() : lease.model().threshold();
            List<Candidate> toScore = new ArrayList<>();
            List<ImageLoader.LoadedImage> images = new ArrayList<>();
            for (Candidate c : batch) {
                if (!ImageFiles.isImageFileName(c.path())) {
                    record(c, ReportRow.unscored(c.path(), t, null, "", lease.sha256(), ImageFiles.notAnImageReason(c.path())),
                            Verdict.REJECTED);
                    continue;
                }
                try {
                    images.add(new ImageLoader.LoadedImage(c.path(), ImageLoader.load(c.path())));
                    toScore.add(c);
                } catch (ImageLoadException e) {
                    if (!Files.exists(c.path())) {
                        listener.warning(c.path() + ": removed before it could be scored");
                        watch.finished(c.path(), null);
                    } else {
                        record(c, ReportRow.unscored(c.path(), t, null, "", lease.sha256(), e.problem()), Verdict.REJECTED);
                    }
                }
            }
            List<InspectionResult> results = lease.inspector().inspectAll(images, t); // null: out of memory
            for (int i = 0; i < toScore.size(); i++) {
                Candidate c = toScore.get(i);
                InspectionResult r = results.get(i);
                if (r == null) {
                    record(c, ReportRow.unscored(c.path(), t, null, "", lease.sha256(), "out of memory while scoring this image"),
                            Verdict.REJECTED);
                } else {
                    record(c, ReportRow.scored(ImageSample.unlabelled(c.path()), r, lease.sha256(), null, ""),
                            r.flagged() ? Verdict.FAIL : Verdict.PASS);
                    if (r.scored().pooledStatistics()) { // in the CSV too (another_shape), but a report from before that column lacks it
                        listener.notice(c.path() + ": another shape than the model's training photos, so judged against "
                                + "its calibration pooled over the photo: inspected less closely");
                    }
                }
            }
        }
    }

    /** Row first (forced to disk), then the journal, then the move: a stop in between repeats only the move. */
    private void record(Candidate c, ReportRow row, Verdict verdict) {
        csv.add(row);
        journal.add(new Journal.Entry(c.path().toString(), c.state().size(), c.state().modified()));
        Path dir = folderFor(verdict);
        Path movedTo = null;
        String moveProblem = null;
        if (dir != null) {
            try {
                movedTo = dispose(c.path(), dir);
            } catch (IOException e) {
                moveProblem = "cannot be " + (settings.copy() ? "copied" : "moved") + " to " + dir + " (" + IoMessages.reason(e)
                        + "); it stays";
            }
        }
        watch.finished(c.path(), movedTo == null || settings.copy() ? c.state() : null);
        total.incrementAndGet();
        windowImages.incrementAndGet();
        if (verdict == Verdict.FAIL) {
            windowFlagged.incrementAndGet();
        } else if (verdict == Verdict.REJECTED) {
            windowRejected.incrementAndGet();
        }
        listener.inspected(new Outcome(c.path(), verdict, row, movedTo, moveProblem));
    }

    private Path folderFor(Verdict verdict) {
        return switch (verdict) {
            case PASS -> settings.passDir();
            case FAIL -> settings.failDir();
            case REJECTED -> settings.rejectedDir();
        };
    }

    /** Moves or copies the file into {@code dir} under a name not taken there; returns the new path. */
    private Path dispose(Path file, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = freeName(dir, file.getFileName().toString());
        if (settings.copy()) {
            AtomicFiles.write(target, out -> Files.copy(file, out));
            return target;
        }
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // Another file system: the copy appears whole (temp file and rename), then the original goes.
            AtomicFiles.write(target, out -> Files.copy(file, out));
            Files.delete(file);
        }
        return target;
    }

    /** {@code name}, or {@code stem-2.ext}, {@code stem-3.ext}, ... where that is taken. */
    static Path freeName(Path dir, String name) {
        Path target = dir.resolve(name);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; Files.exists(target, LinkOption.NOFOLLOW_LINKS); n++) {
            target = dir.resolve(stem + "-" + n + ext);
        }
        return target;
    }

    // ---- stopping ----

    private void fail(Throwable e) {
        if (failure == null) {
            failure = e instanceof RuntimeException r ? r : new IllegalStateException(e.toString(), e);
        }
        stopping = true;
    }

    /**
     * Stops watching, finishes the batch being scored (its rows written, its files moved), closes
     * the CSV and the journal. Files queued but not started stay in the folder for the next start.
     */
    public void stop() {
        stopping = true;
        awaitStopped();
    }

    /** Waits until the hot folder has stopped (by {@link #stop()}, or a failure, which is thrown). */
    public void awaitStopped() {
        synchronized (this) {
            if (scanner == null) {
                closeQuietly();
                return;
            }
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (this) {
            closeQuietly();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void closeQuietly() {
        try {
            watch.close();
            if (csv != null) {
                csv.close();
            }
            if (journal != null) {
                journal.close();
            }
        } catch (IOException e) {
            // Every row was forced to disk when it was written.
        }
    }

    @Override
    public void close() {
        stop();
    }
}
