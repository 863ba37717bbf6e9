package org.ssaeinspector.cli;

import java.util.Locale;
import java.util.Optional;
import org.ssaeinspector.model.SsaeModel;
import org.ssaeinspector.scoring.InspectionResult;
import org.ssaeinspector.scoring.ResidualCalibration;
import org.ssaeinspector.util.Decimals;

/**
 * Counts the photos framed unlike the training photos (another aspect ratio), which a model that
 * knows where on the part residuals are usual scores against statistics pooled over the whole
 * photo, and says so once at the end of {@code score} and {@code evaluate}: such a photo is
 * inspected less closely, and the user can only act on that (train with such photos) if told.
 */
final class FramingNote {
    private final SsaeModel model;
    private int pooled;
    private int scored;

    FramingNote(SsaeModel model) {
        this.model = model;
    }

    void add(InspectionResult result) {
        scored++;
        if (result.scored().pooledStatistics()) {
            pooled++;
        }
    }

    /** The note, when any photo was scored that way. */
    Optional<String> line() {
        if (pooled == 0) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "Note: %d of %d image(s) have another shape than the training "
                        + "photos (width / height more than %s %% off %s): scored against the calibration pooled over the "
                        + "whole photo, not where on the part each residual is usual; train with such photos among the "
                        + "good ones to inspect them as closely", pooled, scored,
                Decimals.significant(100 * ResidualCalibration.SAME_SHAPE_TOLERANCE, 2), Decimals.significant(model.calibrationAspect(), 3)));
    }
}
