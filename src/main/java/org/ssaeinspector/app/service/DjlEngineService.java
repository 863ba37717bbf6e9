package org.ssaeinspector.app.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.ssaeinspector.imageio.DecodedImage;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.imageio.ImageLoadException;
import org.ssaeinspector.model.DjlRuntime;
import org.ssaeinspector.model.ModelFile;
import org.ssaeinspector.model.ModelHeader;
import org.ssaeinspector.model.Recalibration;
import org.ssaeinspector.model.SsaeModel;
import org.ssaeinspector.model.SsaeTrainer;
import org.ssaeinspector.model.TrainingListener;
import org.ssaeinspector.model.TrainingResult;
import org.ssaeinspector.model.TrainingSettings;
import org.ssaeinspector.model.TrainingStart;
import org.ssaeinspector.scoring.InspectionResult;
import org.ssaeinspector.scoring.Inspector;
import org.ssaeinspector.scoring.ScoredImage;

/** The real engine: trainer, model file and inspector. Called on the engine lane only. */
public final class DjlEngineService implements EngineService {

    @Override
    public TrainingOutcome train(List<Path> goodImages, TrainingSettings settings, TrainingListener listener,
                                 BooleanSupplier cancelled) {
        TrainingResult result = new SsaeTrainer().train(goodImages, settings, listener, cancelled);
        return new TrainingOutcome(new Handle(result.model()), result.skipped(), result.summary(), result.notes());
    }

    @Override
    public TrainingOutcome trainFurther(ModelHandle from, Path fromFile, List<Path> goodImages, TrainingSettings settings,
                                        TrainingListener listener, BooleanSupplier cancelled) {
        TrainingStart start = TrainingStart.of(unwrap(from), fromFile);
        TrainingResult result = new SsaeTrainer().trainFurther(goodImages, settings, start, listener, cancelled);
        return new TrainingOutcome(new Handle(result.model()), result.skipped(), result.summary(), result.notes());
    }

    @Override
    public RecalibrationOutcome recalibrate(ModelHandle model, Path modelFile, List<Path> goodImages,
                                            BooleanSupplier cancelled) {
        Recalibration.Outcome o = Recalibration.recalibrate(unwrap(model), modelFile, goodImages, m -> { }, cancelled);
        return new RecalibrationOutcome(new Handle(o.model()), o.skipped(), o.added(), o.addedRejectedBefore(),
                o.addedRejectedAfter());
    }

    @Override
    public ModelHandle loadModel(Path file) {
        return new Handle(ModelFile.load(file));
    }

    @Override
    public void saveModel(ModelHandle model, Path file, double threshold) {
        SsaeModel m = unwrap(model);
        m.setThreshold(threshold);
        ModelFile.save(m, file);
    }

    @Override
    public ImageScore score(ModelHandle model, Path image) throws ImageLoadException {
        SsaeModel m = unwrap(model);
        DecodedImage photo = new Inspector(m).decode(image);
        ScoredImage scored = m.score(photo);
        return new ImageScore(scored.score(), photo.width(), photo.height(), scored.map());
    }

    @Override
    public List<ScoreAttempt> scoreAll(ModelHandle model, List<Path> images) {
        List<ScoreAttempt> out = new ArrayList<>(images.size());
        SsaeModel m = unwrap(model);
        Inspector inspector = new Inspector(m);
        List<DecodedImage> loaded = new ArrayList<>();
        List<Path> loadedPaths = new ArrayList<>();
        for (Path p : images) {
            try {
                loaded.add(inspector.decode(p));
                loadedPaths.add(p);
            } catch (ImageLoadException e) {
                out.add(new ScoreAttempt(p, null, e.problem()));
            }
        }
        List<ScoredImage> scored = loaded.isEmpty() ? List.of() : m.scorePhotos(loaded);
        for (int i = 0; i < scored.size(); i++) {
            DecodedImage photo = loaded.get(i);
            out.add(new ScoreAttempt(loadedPaths.get(i),
                    new ImageScore(scored.get(i).score(), photo.width(), photo.height(), scored.get(i).map()), null));
        }
        return out;
    }

    @Override
    public InspectionResult inspect(ModelHandle model, Path file, FloatImage image, double threshold) {
        return new Inspector(unwrap(model)).inspect(file, image, threshold);
    }

    @Override
    public List<String> gpuNames() {
        int count = DjlRuntime.gpuCount();
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(DjlRuntime.describe(ai.djl.Device.gpu(i)));
        }
        return names;
    }

    private static SsaeModel unwrap(ModelHandle handle) {
        if (!(handle instanceof Handle h)) {
            throw new IllegalArgumentException("not a model of this engine: " + handle);
        }
        return h.model;
    }

    /** Keeps the network behind the handle so that no view model can reach it. */
    private static final class Handle implements ModelHandle {
        private final SsaeModel model;
        private final String device;

        Handle(SsaeModel model) {
            this.model = model;
            this.device = model.deviceName();
        }

        @Override
        public ModelHeader header() {
            return model.header();
        }

        @Override
        public String deviceName() {
            return device;
        }

        @Override
        public void close() {
            model.close();
        }
    }
}
