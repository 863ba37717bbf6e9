package org.ssaeinspector.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import org.ssaeinspector.dataset.ImageSample;
import org.ssaeinspector.export.ReportRow;
import org.ssaeinspector.imageio.DecodedImage;
import org.ssaeinspector.imageio.ImageLoadException;
import org.ssaeinspector.model.DjlRuntime;
import org.ssaeinspector.model.ModelFile;
import org.ssaeinspector.model.SsaeModel;
import org.ssaeinspector.scoring.InspectionResult;
import org.ssaeinspector.scoring.Inspector;

/**
 * The executor side of a Spark scoring job: scores one partition's images in the engine's batches
 * ({@link SsaeModel#INFERENCE_BATCH}) with the model of this JVM, and turns each into a row. An
 * image that cannot be read or scored becomes a row with its problem; it never fails the task.
 */
final class PartitionScorer implements FlatMapFunction<Iterator<List<ImageTask>>, Row> {
    /**
     * One model per executor JVM, by checksum: loaded by the first task that needs it and shared by
     * the task threads after it (the network serialises its own calls; decoding runs in parallel).
     */
    private static final Map<String, Inspector> MODELS = new ConcurrentHashMap<>();

    /** The problem of an image whose scoring alone does not fit in memory (as the hot folder says it). */
    static final String OUT_OF_MEMORY = "out of memory while scoring this image";

    private final Broadcast<byte[]> modelBytes;
    private final String modelSha256;
    private final double threshold;
    private final OutputFormat format;
    private final LongAccumulator scored;
    private final LongAccumulator flagged;
    private final LongAccumulator failed;

    PartitionScorer(Broadcast<byte[]> modelBytes, String modelSha256, double threshold, OutputFormat format,
                    LongAccumulator scored, LongAccumulator flagged, LongAccumulator failed) {
        this.modelBytes = modelBytes;
        this.modelSha256 = modelSha256;
        this.threshold = threshold;
        this.format = format;
        this.scored = scored;
        this.flagged = flagged;
        this.failed = failed;
    }

    @Override
    public Iterator<Row> call(Iterator<List<ImageTask>> partition) {
        List<ImageTask> tasks = new ArrayList<>();
        partition.forEachRemaining(tasks::addAll);
        Inspector inspector = tasks.stream().anyMatch(t -> t.problem() == null) ? inspector() : null;
        // Rows are made a batch at a time as Spark asks for them: a partition's photos are never all in memory.
        return new Iterator<>() {
            private int next;
            private final ArrayDeque<Row> ready = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && next < tasks.size()) {
                    List<ImageTask> batch = tasks.subList(next, Math.min(tasks.size(), next + SsaeModel.INFERENCE_BATCH));
                    next += batch.size();
                    for (ReportRow row : score(inspector, batch)) {
                        ready.add(format.row(row));
                    }
                }
                return !ready.isEmpty();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }
        };
    }

    /** The rows of one batch, in its order. */
    List<ReportRow> score(Inspector inspector, List<ImageTask> batch) {
        ReportRow[] rows = new ReportRow[batch.size()];
        List<Integer> slots = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<DecodedImage> photos = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            ImageTask task = batch.get(i);
            if (task.problem() != null) {
                rows[i] = unscored(task, task.problem());
                continue;
            }
            Path file = Path.of(task.file());
            try {
                photos.add(inspector.decode(file));
                files.add(file);
                slots.add(i);
            } catch (ImageLoadException e) {
                rows[i] = unscored(task, e.problem());
            } catch (RuntimeException e) {
                // A decoder's own failure on a hostile file is that file's problem, not the job's.
                rows[i] = unscored(task, "cannot be read: "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        if (!photos.isEmpty()) {
            List<InspectionResult> results = inspector.inspectAll(files, photos, threshold);
            for (int k = 0; k < slots.size(); k++) {
                int i = slots.get(k);
                InspectionResult r = results.get(k);
                if (r == null) {
                    rows[i] = unscored(batch.get(i), OUT_OF_MEMORY);
                } else {
                    ImageSample sample = batch.get(i).sample();
                    rows[i] = ReportRow.scored(sample, r, modelSha256, null, "");
                    scored.add(1);
                    if (r.flagged()) {
                        flagged.add(1);
                    }
                }
            }
        }
        return List.of(rows);
    }

    private ReportRow unscored(ImageTask task, String problem) {
        failed.add(1);
        return ReportRow.unscored(Path.of(task.path()), threshold, task.label(), task.defectType(), modelSha256, problem);
    }

    /**
     * This JVM's model, from the broadcast bytes (fetched once per executor). A broadcast, not
     * {@code SparkContext.addFile}: files added to the context do not reach the tasks of a Spark
     * SQL write on a cluster, which run in the session's own artifact set (Spark 4.0).
     */
    private Inspector inspector() {
        return MODELS.computeIfAbsent(modelSha256, sha -> {
            DjlRuntime.configure(); // before the engine starts in this JVM: offline, threads
            try {
                Path file = Files.createTempFile("ssae-spark-model-", ModelFile.EXTENSION);
                try {
                    Files.write(file, modelBytes.value());
                    return new Inspector(ModelFile.load(file));
                } finally {
                    Files.deleteIfExists(file); // loaded into memory: the copy is not needed
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the model to a temporary file: " + e.getMessage(), e);
            }
        });
    }
}
