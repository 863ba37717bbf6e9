package org.ssaeinspector.scoring;

/**
 * One connected area of the anomaly map above the threshold, in the coordinates of the map it
 * was found in (the original photo's, once the map is resized back).
 *
 * @param x        left of the bounding box
 * @param y        top of the bounding box
 * @param width    bounding box width
 * @param height   bounding box height
 * @param areaPx   number of pixels above the threshold in this component
 * @param peak     the highest map value inside the component
 */
public record DefectRegion(int x, int y, int width, int height, int areaPx, float peak) {
}
