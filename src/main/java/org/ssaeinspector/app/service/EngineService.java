package org.ssaeinspector.app.service;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.imageio.ImageLoadException;
import org.ssaeinspector.model.TrainingListener;
import org.ssaeinspector.model.TrainingSettings;
import org.ssaeinspector.scoring.InspectionResult;

/**
 * What the app asks of the engine. Every method must be called on the engine lane
 * ({@link org.ssaeinspector.app.task.Lane#ENGINE}); results are plain data, safe to hand to the
 * UI thread.
 */
public interface EngineService {

    /** Trains on good images; see {@link org.ssaeinspector.model.SsaeTrainer#train}. */
    TrainingOutcome train(List<Path> goodImages, TrainingSettings settings, TrainingListener listener,
                          BooleanSupplier cancelled);

    /**
     * Continues training {@code from} (issue "Learning from the inspector's verdicts") on good
     * images that should hold its own and the new ones; see {@link org.ssaeinspector.model.SsaeTrainer#trainFurther}.
     *
     * @param fromFile the model's file (for the lineage), or null when it was never saved
     */
    TrainingOutcome trainFurther(ModelHandle from, Path fromFile, List<Path> goodImages, TrainingSettings settings,
                                 TrainingListener listener, BooleanSupplier cancelled);

    /**
     * Recalibrates {@code model} with confirmed good images into a new model (the given one is
     * left as it is); see {@link org.ssaeinspector.model.Recalibration}.
     */
    RecalibrationOutcome recalibrate(ModelHandle model, Path modelFile, List<Path> goodImages, BooleanSupplier cancelled);

    ModelHandle loadModel(Path file);

    /** Saves the model with {@code threshold} as its default threshold (what the command line uses). */
    void saveModel(ModelHandle model, Path file, double threshold);

    /** Scores one image file for the gallery. */
    ImageScore score(ModelHandle model, Path image) throws ImageLoadException;

    /**
     * Scores several image files (the network runs them in batches, faster than one by one).
     * Unreadable files do not stop the others: their entry carries the problem instead.
     */
    default List<ScoreAttempt> scoreAll(ModelHandle model, List<Path> images) {
        List<ScoreAttempt> out = new java.util.ArrayList<>(images.size());
        for (Path p : images) {
            try {
                out.add(new ScoreAttempt(p, score(model, p), null));
            } catch (ImageLoadException e) {
                out.add(new ScoreAttempt(p, null, e.problem()));
            }
        }
        return out;
    }

    /** The score of one file, or why it has none. */
    record ScoreAttempt(Path path, ImageScore score, String problem) {
    }

    /**
     * Judges one already loaded image at a threshold: score, regions, map, reconstruction (the
     * detail view and the export).
     */
    InspectionResult inspect(ModelHandle model, Path file, FloatImage image, double threshold);

    /** Names of the GPUs the engine can use (empty when there are none). */
    List<String> gpuNames();
}
