package org.ssaeinspector.line;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.ssaeinspector.imageio.ImageFiles;
import org.ssaeinspector.util.IoMessages;
import org.ssaeinspector.util.UserFacingException;

/**
 * Finds the files of one folder that are completely written, each once: the watching half of a
 * hot folder, shared by {@link HotFolder} (the {@code watch} command) and the app's live view.
 *
 * <p>One thread drives it: {@link #step} lists the folder when due, looks at the files still being
 * written and hands the settled ones over; {@link #awaitChanges} waits for change notifications up
 * to the poll time. A file handed over is <i>in flight</i> until its owner calls {@link #finished}
 * (any thread): it is not handed over again, and once finished it is handed over again only when
 * it changes (a new file under the same name). Hidden files and temporary names ({@code .tmp},
 * {@code .part}, ...) are left alone until they are renamed; only the folder itself is watched, not
 * its sub-folders. The JDK's {@link WatchService} wakes the watcher; the whole folder is listed
 * again every {@code rescan} as well, since watch events can be lost (overflow) or never come
 * (network shares; macOS, where the JDK polls).
 */
public final class FolderWatch implements AutoCloseable {
    /** A file that has settled: its path in the folder and the state it settled in. */
    public record Arrival(Path path, FileState state) {
    }

    /** Names of files still being written by their writer: left alone until renamed. */
    private static final List<String> TEMPORARY_SUFFIXES = List.of(".tmp", ".temp", ".part", ".partial", ".crdownload",
            ".download", ".filepart", ".ssae-tmp", "~");

    private final Path in;
    private final Path shownIn;
    private final Set<Path> ignored;
    private final Duration poll;
    private final Duration rescan;
    private final Consumer<String> warnings;
    private final Settling settling;
    private final Map<Path, FileState> done = new ConcurrentHashMap<>();
    private final Set<Path> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<Path> pending = new LinkedHashSet<>();
    private WatchService watchService;
    private long nextRescan = System.nanoTime();
    private String listingProblem;

    /**
     * @param in       the watched folder
     * @param ignored  files in it that are never handed over (absolute, normalised: a report, a journal)
     * @param poll     how often files still being written are looked at again
     * @param rescan   how often the whole folder is listed again
     * @param settle   how long a file must stay unchanged before it is handed over
     * @param warnings told when the folder cannot be listed or watched (once per problem)
     */
    public FolderWatch(Path in, Set<Path> ignored, Duration poll, Duration rescan, Duration settle,
                       Consumer<String> warnings) {
        this.shownIn = in;
        this.in = in.toAbsolutePath().normalize();
        this.ignored = Set.copyOf(ignored);
        this.poll = poll;
        this.rescan = rescan;
        this.settling = new Settling(settle);
        this.warnings = warnings;
    }

    /** The watched folder, absolute. */
    public Path folder() {
        return in;
    }

    /**
     * Starts the change notifications (where the file system has none, the folder is only listed
     * every {@code rescan}, with a warning).
     *
     * @throws UserFacingException when the folder is not a folder
     */
    public void open() {
        if (!Files.isDirectory(in)) {
            throw new UserFacingException(shownIn + ": not a folder");
        }
        try {
            watchService = in.getFileSystem().newWatchService();
            in.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        } catch (IOException | UnsupportedOperationException e) {
            watchService = null;
            warnings.accept(shownIn + ": no change notifications (" + e.getMessage() + "); the folder is listed every "
                    + rescan.toMillis() + " ms");
        }
    }

    /** Regular, visible files directly in the folder, not being written under a temporary name. */
    public List<Path> listCandidates() {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(in)) {
            for (Path p : entries) {
                if (isCandidateName(p.getFileName()) && !ignored.contains(p)
                        && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new UserFacingException(shownIn + ": cannot list the folder (" + IoMessages.reason(e) + ")", e);
        }
        return out;
    }

    static boolean isCandidateName(Path name) {
        if (ImageFiles.isHiddenOrSystem(name)) {
            return false;
        }
        String lower = name.toString().toLowerCase(Locale.ROOT);
        for (String suffix : TEMPORARY_SUFFIXES) {
            if (lower.endsWith(suffix)) {
                return false;
            }
        }
        return true;
    }

    /**
     * One round on the watching thread: lists the folder when due, then hands the files that have
     * settled to {@code sink} in the order they were seen, as long as it takes them ({@code false}:
     * full, the rest waits in the folder). A file taken is in flight until {@link #finished}.
     */
    public void step(Predicate<Arrival> sink) {
        long now = System.nanoTime();
        if (now - nextRescan >= 0) {
            try {
                for (Path p : listCandidates()) {
                    consider(p);
                }
                listingProblem = null;
            } catch (UserFacingException e) {
                if (!e.getMessage().equals(listingProblem)) {
                    listingProblem = e.getMessage();
                    warnings.accept(listingProblem);
                }
            }
            nextRescan = now + rescan.toNanos();
        }
        offerSettled(sink);
    }

    /** Waits up to the poll time for change notifications (the watching thread); lost events make the next step list the folder. */
    public void awaitChanges() {
        try {
            if (watchService == null) {
                Thread.sleep(poll.toMillis());
                return;
            }
            WatchKey key = watchService.poll(poll.toMillis(), TimeUnit.MILLISECONDS);
            while (key != null) {
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        nextRescan = System.nanoTime();
                    } else if (event.context() instanceof Path name && isCandidateName(name)) {
                        consider(in.resolve(name));
                    }
                }
                key.reset();
                key = watchService.poll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // Closed while stopping.
        }
    }

    private void consider(Path file) {
        if (inFlight.contains(file) || ignored.contains(file)) {
            return;
        }
        FileState d = done.get(file);
        if (d != null) {
            try {
                if (d.equals(FileState.of(file))) {
                    return;
                }
            } catch (IOException e) {
                done.remove(file); // gone
                return;
            }
            done.remove(file); // replaced by a new file under the same name
        }
        pending.add(file);
    }

    private void offerSettled(Predicate<Arrival> sink) {
        long now = System.nanoTime();
        for (var it = pending.iterator(); it.hasNext(); ) {
            Path file = it.next();
            FileState state;
            try {
                if (!Files.isRegularFile(file) || inFlight.contains(file)) {
                    it.remove();
                    settling.forget(file);
                    continue;
                }
                state = FileState.of(file);
            } catch (IOException e) {
                it.remove();
                settling.forget(file);
                continue;
            }
            if (!settling.settled(file, state, now)) {
                continue;
            }
            inFlight.add(file);
            if (!sink.test(new Arrival(file, state))) {
                inFlight.remove(file);
                return; // full: the rest waits in the folder
            }
            it.remove();
            settling.forget(file);
        }
    }

    /**
     * A file handed over is done (any thread).
     *
     * @param stays the state it was handed over in when it stays in the folder (not handed over
     *              again while unchanged), or null when it was moved away or was not dealt with
     *              (handed over again when it is next seen)
     */
    public void finished(Path file, FileState stays) {
        if (stays != null) {
            done.put(file, stays);
        }
        inFlight.remove(file);
    }

    /** Files seen but not yet handed over (being written or settling); the watching thread. */
    public int waiting() {
        return pending.size();
    }

    /** Stops the change notifications. */
    @Override
    public void close() {
        try {
            if (watchService != null) {
                watchService.close();
            }
        } catch (IOException e) {
            // Nothing held but the notifications.
        }
    }
}
