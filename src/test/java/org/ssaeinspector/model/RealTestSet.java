package org.ssaeinspector.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.ssaeinspector.dataset.DataSet;
import org.ssaeinspector.dataset.ImageSample;
import org.ssaeinspector.dataset.Label;
import org.ssaeinspector.dataset.MaskLoader;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.imageio.ImageLoadException;
import org.ssaeinspector.imageio.ImageLoader;
import org.ssaeinspector.scoring.ResidualMap;

/**
 * For the research harnesses ({@link CalibrationSweep}, {@link MapVariantSweep}): a data set's
 * test images through one network, as raw residual maps at the model's scale with their masks
 * (all false for good images, null for a defective image without one) and labels.
 */
record RealTestSet(List<ImageSample> samples, List<ResidualMap> residuals, List<boolean[]> masks,
                   List<Boolean> defective) {

    /** The model's held-out good images of the data set, rebuilt from its settings, as its network sees them. */
    static List<FloatImage> heldOut(SsaeModel model, DataSet data) {
        TrainingSettings settings = model.header().training().settings();
        TrainingImages train = TrainingImages.load(data.train(), settings.imageSize(), settings.scale());
        DataTraits traits = model.header().dataTraits();
        return SsaeTrainer.split(traits == null ? train.images() : traits.apply(train.images()), train.paths(), settings).heldOut();
    }

    static RealTestSet score(SsaeModel model, DataSet data) throws ImageLoadException {
        return score(model, data, UnaryOperator.identity(), (img, r) -> r);
    }

    /**
     * @param input    applied to each prepared image before the network (an experiment's change)
     * @param residual applied to each residual map, with the prepared image it came from
     */
    static RealTestSet score(SsaeModel model, DataSet data, UnaryOperator<FloatImage> input,
                             BiFunction<FloatImage, ResidualMap, ResidualMap> residual) throws ImageLoadException {
        List<ResidualMap> maps = new ArrayList<>();
        List<boolean[]> masks = new ArrayList<>();
        List<Boolean> defective = new ArrayList<>();
        for (ImageSample s : data.test()) {
            FloatImage prepared = input.apply(model.prepare(ImageLoader.load(s.path())));
            ResidualMap r = residual.apply(prepared, model.residuals(List.of(prepared)).get(0));
            boolean bad = s.label() == Label.DEFECTIVE;
            maps.add(r);
            masks.add(bad && s.mask().isPresent() ? MaskLoader.load(s.mask().get(), r.width(), r.height())
                    : bad ? null : new boolean[r.width() * r.height()]);
            defective.add(bad);
        }
        return new RealTestSet(List.copyOf(data.test()), maps, masks, defective);
    }
}
