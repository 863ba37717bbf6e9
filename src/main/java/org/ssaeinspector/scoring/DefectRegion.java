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
    /**
     * The region found on a map of every {@code step}-th photo pixel, in the photo's pixels
     * (clipped to its {@code photoWidth} x {@code photoHeight}).
     */
    public DefectRegion scaled(int step, int photoWidth, int photoHeight) {
        int x0 = x * step;
        int y0 = y * step;
        int w = Math.min(width * step, photoWidth - x0);
        int h = Math.min(height * step, photoHeight - y0);
        return new DefectRegion(x0, y0, w, h, (int) Math.min((long) w * h, (long) areaPx * step * step), peak);
    }
}
