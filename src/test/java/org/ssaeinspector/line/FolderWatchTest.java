package org.ssaeinspector.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssaeinspector.util.UserFacingException;

/** The watching half of the hot folder on its own: once each, in flight, replaced, refused, ignored. */
class FolderWatchTest {
    @TempDir
    Path dir;

    /** Steps until nothing new comes for a while; what was handed over. */
    private static List<FolderWatch.Arrival> drain(FolderWatch w, boolean take) throws InterruptedException {
        List<FolderWatch.Arrival> out = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            w.step(a -> {
                if (take) {
                    out.add(a);
                }
                return take;
            });
            Thread.sleep(40);
        }
        return out;
    }

    @Test
    void handsEachSettledFileOverOnceUntilItIsReplaced() throws Exception {
        Path own = dir.resolve("report.csv").toAbsolutePath().normalize();
        Files.writeString(own, "rows");
        Files.writeString(dir.resolve("a.png"), "a");
        Files.writeString(dir.resolve("b.png.part"), "b");
        List<String> warnings = new ArrayList<>();
        try (FolderWatch w = new FolderWatch(dir, Set.of(own), Duration.ofMillis(20), Duration.ZERO,
                Duration.ofMillis(60), warnings::add)) {
            w.open();
            assertEquals(0, drain(w, false).size(), "refused: nothing taken");
            List<FolderWatch.Arrival> first = drain(w, true);
            assertEquals(List.of("a.png"), first.stream().map(a -> a.path().getFileName().toString()).toList(),
                    "the report and the temporary name are left alone");
            assertEquals(0, drain(w, true).size(), "in flight: not again");
            w.finished(first.get(0).path(), first.get(0).state());
            assertEquals(0, drain(w, true).size(), "done and unchanged: not again");

            Files.writeString(dir.resolve("a.png"), "a new file under the same name");
            List<FolderWatch.Arrival> again = drain(w, true);
            assertEquals(1, again.size(), "replaced: handed over again");
            w.finished(again.get(0).path(), null);
            assertEquals(1, drain(w, true).size(), "finished without staying: handed over when next seen");
            assertTrue(warnings.isEmpty(), warnings.toString());
        }
    }

    @Test
    void aMissingFolderIsRefused() {
        FolderWatch w = new FolderWatch(dir.resolve("nope"), Set.of(), Duration.ofMillis(20), Duration.ZERO,
                Duration.ZERO, m -> { });
        UserFacingException e = assertThrows(UserFacingException.class, w::open);
        assertTrue(e.getMessage().endsWith("nope: not a folder"), e.getMessage());
    }
}
