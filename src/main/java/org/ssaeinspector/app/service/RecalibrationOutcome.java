package org.ssaeinspector.app.service;

import java.util.List;
import org.ssaeinspector.dataset.SkippedFile;

/**
 * A recalibrated model beside the one it came from (see {@link org.ssaeinspector.model.Recalibration}).
 *
 * @param model               the new model (the caller closes it when it is not used)
 * @param skipped             unreadable images, with the reason
 * @param added               good images that joined the calibration
 * @param addedRejectedBefore how many of them the current threshold flagged
 * @param addedRejectedAfter  how many of them the new threshold flags, each scored without itself
 */
public record RecalibrationOutcome(ModelHandle model, List<SkippedFile> skipped, int added, int addedRejectedBefore,
                                   int addedRejectedAfter) {
}
