package org.ssaeinspector.evaluation;

import org.ssaeinspector.dataset.ImageSample;
import org.ssaeinspector.scoring.InspectionResult;

/** One test image: what is known about it, the verdict, and how long scoring took. */
public record ImageEvaluation(ImageSample sample, InspectionResult result, double scoringMillis) {
}
