package org.ssaeinspector.scoring;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.function.ObjIntConsumer;
import org.ssaeinspector.imageio.PlaneResampler;

/**
 * Standardises residual maps with statistics of held-out good images (method.md, "Calibrating
 * the map on good images"): {@code z = (r - mean) / (std + eps)}. The statistics live on a grid
 * over the photo, in relative coordinates, so they apply to photos of any size at the model's
 * scale: per pixel of the reference photo (aligned objects: removes the systematic residuals at
 * edges and highlights), on a coarse grid (parts that sit roughly in place, light that falls off
 * towards the edges), or one global pair (textures, unaligned surfaces). Which one a model uses is
 * measured at the end of training ({@code model.CalibrationChooser}). A residual map of several
 * planes ({@link ResidualMeasure#planes()}) gets statistics per plane; its anomaly map is the mean
 * of the standardised planes, so each measure weighs the same whatever its units.
 */
public final class ResidualCalibration {
    public enum Mode {
        PER_PIXEL("per-pixel"), COARSE("coarse"), GLOBAL("global");

        private final String id;

        Mode(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Mode of(String id) {
            for (Mode m : values()) {
                if (m.id.equals(id)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown calibration mode '" + id + "'");
        }
    }

    /** Weight, in images, of the neighbourhood's variance in each pixel's variance. */
    static final int PRIOR_IMAGES = 4;
    /** Gaussian sigma, in pixels at 128 px, of the neighbourhood whose variance is the prior. */
    static final double PRIOR_SIGMA_AT_128 = 2.0;
    /** Cells of the coarse grid along the reference photo's short side. */
    static final int COARSE_CELLS_PER_SHORT_SIDE = 8;
    /**
     * Two aspect ratios closer than this (relative) frame the same view; a map further off than
     * that from the reference is scored with the grid's pooled statistics (see {@link #anomalyMap}).
     */
    public static final double SAME_SHAPE_TOLERANCE = 0.05;
    /** Largest grid a model file may claim (a 4096 x 4096 reference): refuses hostile sizes early. */
    public static final long MAX_GRID_CELLS = 1L << 24;

    private final Mode mode;
    private final int gridWidth;
    private final int gridHeight;
    private final int planes;
    /** Per plane, one grid after the other. */
    private final float[] mean;
    private final float[] std;
    /** Per plane: the measures' units differ. */
    private final float[] eps;
    /** No statistics: every plane of a map is used as it is. */
    private final boolean identity;
    /** Width over height of the reference photo at the model's scale. */
    private final double referenceAspect;
    /** Per plane, the grid's statistics pooled over the whole photo: for maps of another shape. */
    private final float[] pooledMean;
    private final float[] pooledStd;
    /** The statistics resampled to the last map size asked for (photos of one line share a size). */
    private volatile Resampled last;

    private record Resampled(int width, int height, float[] mean, float[] std) {
    }

    private ResidualCalibration(Mode mode, int gridWidth, int gridHeight, int planes, float[] mean, float[] std,
                                float[] eps, boolean identity, double referenceAspect) {
        this.mode = mode;
        this.gridWidth = gridWidth;
        this.gridHeight = gridHeight;
        this.planes = planes;
        this.mean = mean;
        this.std = std;
        this.eps = eps;
        this.identity = identity;
        this.referenceAspect = referenceAspect;
        this.pooledMean = new float[planes];
        this.pooledStd = new float[planes];
        int cells = gridWidth * gridHeight;
        for (int p = 0; p < planes; p++) {
            double m = 0;
            double sq = 0;
            for (int i = p * cells; i < (p + 1) * cells; i++) {
                m += mean[i];
                sq += std[i] * (double) std[i] + mean[i] * (double) mean[i];
            }
            m /= cells;
            pooledMean[p] = (float) m;
            pooledStd[p] = (float) Math.sqrt(Math.max(0, sq / cells - m * m));
        }
    }

    /** No statistics (fewer than two held-out images): residuals are used as they are (planes averaged). */
    public static ResidualCalibration identity() {
        return new ResidualCalibration(Mode.GLOBAL, 1, 1, 1, new float[] {0f}, new float[] {1f}, new float[] {0f}, true, 1);
    }

    /**
     * Fits the statistics on residual maps of held-out good images; maps of another size than the
     * reference ({@code refWidth} x {@code refHeight}, the reference photo at the model's scale)
     * are resampled onto it first.
     */
    public static ResidualCalibration fit(List<ResidualMap> residuals, int refWidth, int refHeight, Mode mode) {
        if (residuals.size() < 2) {
            return identity();
        }
        Moments m = Moments.of(residuals, refWidth, refHeight, framedOnly(mode, residuals, refWidth, refHeight));
        return fromMoments(mode, m, refWidth, refHeight, m.images);
    }

    /** The planes of the maps, which must all have the same number. */
    private static int planesOf(List<ResidualMap> residuals) {
        int planes = residuals.get(0).planes();
        for (ResidualMap r : residuals) {
            if (r.planes() != planes) {
                throw new IllegalArgumentException("residual maps of " + planes + " and " + r.planes() + " planes mixed");
            }
        }
        return planes;
    }

    /**
     * Hands {@code each} the calibration fitted on all maps but the i-th, for every i (needs 3 or
     * more maps; with fewer every index gets the calibration of all), so that held-out images, and
     * synthetic defects pasted into them, are scored out of sample.
     */
    public static void leaveOneOut(List<ResidualMap> residuals, int refWidth, int refHeight, Mode mode,
                                   ObjIntConsumer<ResidualCalibration> each) {
        int n = residuals.size();
        if (n < 3) {
            ResidualCalibration all = fit(residuals, refWidth, refHeight, mode);
            for (int i = 0; i < n; i++) {
                each.accept(all, i);
            }
            return;
        }
        boolean framedOnly = framedOnly(mode, residuals, refWidth, refHeight);
        Moments m = Moments.of(residuals, refWidth, refHeight, framedOnly);
        for (int i = 0; i < n; i++) {
            Moments without = m.without(residuals.get(i), refWidth, refHeight, framedOnly);
            each.accept(fromMoments(mode, without, refWidth, refHeight, without.images), i);
        }
    }

    /** Leave-one-out scores (map maxima) of the held-out images themselves: what the threshold is drawn from. */
    public static double[] leaveOneOutScores(List<ResidualMap> residuals, int refWidth, int refHeight, Mode mode,
                                             double sigma) {
        double[] scores = new double[residuals.size()];
        leaveOneOut(residuals, refWidth, refHeight, mode, (cal, i) -> scores[i] = cal.anomalyMap(residuals.get(i), sigma).max());
        return scores;
    }

    /**
     * Recalibration with more good images (issue "Learning from the inspector's verdicts"): the
     * calibration these statistics would have had if {@code added} had been held out alongside the
     * {@code images} they were fitted on. The original maps are not kept, so they enter through their
     * stored mean and spread (per-pixel spreads already carry the neighbourhood prior, which is
     * applied once more to the pooled spread: a slight extra smoothing). Hands {@code eachAdded} the
     * calibration without the i-th added map, for its out-of-sample score; returns the calibration of all.
     */
    public ResidualCalibration including(List<ResidualMap> added, int images, int refWidth, int refHeight,
                                         ObjIntConsumer<ResidualCalibration> eachAdded) {
        int[] expected = grid(mode, refWidth, refHeight);
        if (gridWidth != expected[0] || gridHeight != expected[1]) {
            throw new IllegalArgumentException("calibration grid " + gridWidth + " x " + gridHeight
                    + " does not belong to a " + refWidth + " x " + refHeight + " reference");
        }
        boolean fitted = images >= 2 && !identity; // identity(): nothing was measured
        int addedPlanes = added.isEmpty() ? planes : planesOf(added);
        if (fitted && addedPlanes != planes) {
            throw new IllegalArgumentException("residual maps of " + addedPlanes + " planes for a calibration of " + planes);
        }
        Moments base = fitted ? Moments.ofStatistics(this, images, refWidth, refHeight)
                : Moments.none(addedPlanes, refWidth, refHeight);
        boolean framedOnly = mode != Mode.GLOBAL; // the grid was fitted on framed maps: add only those to it
        Moments all = base.plus(added, refWidth, refHeight, framedOnly);
        for (int i = 0; i < added.size(); i++) {
            Moments without = all.without(added.get(i), refWidth, refHeight, framedOnly);
            eachAdded.accept(without.images < 2 ? identity() : fromMoments(mode, without, refWidth, refHeight, without.images), i);
        }
        return all.images < 2 ? identity() : fromMoments(mode, all, refWidth, refHeight, all.images);
    }

    /**
     * Statistics from per-pixel running sums on the reference grid, pooled to the mode's grid.
     * Per-pixel variances from a few held-out images are noisy, so they are shrunk towards the
     * variance of the pixel's neighbourhood (Gaussian, sigma {@link #PRIOR_SIGMA_AT_128} px at 128)
     * as if {@link #PRIOR_IMAGES} more images had shown exactly that. The neighbourhood, not the
     * whole image, because residual spread differs strongly between regions (edges, highlights,
     * background); measured on MVTec bottle (docs/method.md).
     */
    private static ResidualCalibration fromMoments(Mode mode, Moments m, int refWidth, int refHeight, int images) {
        int[] grid = grid(mode, refWidth, refHeight);
        int gw = grid[0];
        int gh = grid[1];
        int cells = gw * gh;
        int refPixels = refWidth * refHeight;
        int planes = m.planes;
        float[] mean = new float[planes * cells];
        float[] std = new float[planes * cells];
        float[] eps = new float[planes];
        int cell = mode == Mode.PER_PIXEL ? 1 : cell(mode, refWidth, refHeight);
        for (int p = 0; p < planes; p++) {
            double[] sum = new double[cells];
            double[] sumSq = new double[cells];
            double[] count = new double[cells];
            for (int y = 0; y < refHeight; y++) {
                for (int x = 0; x < refWidth; x++) {
                    int g = (y / cell) * gw + x / cell;
                    sum[g] += m.sum[p * refPixels + y * refWidth + x];
                    sumSq[g] += m.sumSq[p * refPixels + y * refWidth + x];
                    count[g] += m.images;
                }
            }
            float[] var = new float[cells];
            for (int i = 0; i < cells; i++) {
                double mu = sum[i] / count[i];
                mean[p * cells + i] = (float) mu;
                var[i] = (float) Math.max(0, sumSq[i] / count[i] - mu * mu);
            }
            float[] planeStd = new float[cells];
            if (mode == Mode.PER_PIXEL) {
                float[] prior = GaussianSmoothing.blur(var, gw, gh, PRIOR_SIGMA_AT_128 * Math.min(gw, gh) / 128.0);
                for (int i = 0; i < cells; i++) {
                    planeStd[i] = (float) Math.sqrt((images * (double) var[i] + PRIOR_IMAGES * prior[i]) / (images + PRIOR_IMAGES));
                }
            } else {
                for (int i = 0; i < cells; i++) {
                    planeStd[i] = (float) Math.sqrt(var[i]);
                }
            }
            System.arraycopy(planeStd, 0, std, p * cells, cells);
            eps[p] = epsFor(planeStd);
        }
        return new ResidualCalibration(mode, gw, gh, planes, mean, std, eps, false, refWidth / (double) refHeight);
    }

    /** {width, height} of the statistics grid of a mode over a reference of this size. */
    public static int[] grid(Mode mode, int refWidth, int refHeight) {
        if (mode == Mode.PER_PIXEL) {
            return new int[] {refWidth, refHeight};
        }
        int cell = cell(mode, refWidth, refHeight);
        return new int[] {(refWidth + cell - 1) / cell, (refHeight + cell - 1) / cell};
    }

    /** Side, in reference pixels, of one cell of a pooled grid. */
    private static int cell(Mode mode, int refWidth, int refHeight) {
        return mode == Mode.GLOBAL ? Math.max(refWidth, refHeight)
                : Math.max(1, Math.min(refWidth, refHeight) / COARSE_CELLS_PER_SHORT_SIDE);
    }

    /** Keeps near-perfectly reconstructed pixels (std ~ 0) from turning noise into huge z. */
    private static float epsFor(float[] std) {
        double s = 0;
        for (float v : std) {
            s += v;
        }
        return (float) (0.1 * s / std.length + 1e-8);
    }

    public Mode mode() {
        return mode;
    }

    public int gridWidth() {
        return gridWidth;
    }

    public int gridHeight() {
        return gridHeight;
    }

    /** Planes the residual maps must have (1 for a single residual measure). */
    public int planes() {
        return planes;
    }

    /**
     * Standardises each plane, averages the planes, then smooths: the calibrated anomaly map of
     * one residual map.
     */
    public AnomalyMap anomalyMap(ResidualMap residual, double smoothingSigma) {
        int w = residual.width();
        int h = residual.height();
        int n = w * h;
        float[] r = residual.values();
        int k = residual.planes();
        if (!identity && k != planes) {
            throw new IllegalArgumentException("a residual map of " + k + " planes for a calibration of " + planes);
        }
        float[] z = new float[n];
        boolean pooled = pooledFor(w, h);
        Resampled s = identity || pooled || (gridWidth == 1 && gridHeight == 1) ? null : statisticsAt(w, h);
        for (int p = 0; p < k; p++) {
            int off = p * n;
            if (identity) {
                for (int i = 0; i < n; i++) {
                    z[i] += r[off + i] / k;
                }
            } else if (s == null) {
                float mu = pooled ? pooledMean[p] : mean[p];
                float inv = 1f / ((pooled ? pooledStd[p] : std[p]) + eps[p]) / k;
                for (int i = 0; i < n; i++) {
                    z[i] += (r[off + i] - mu) * inv;
                }
            } else {
                float e = eps[p];
                for (int i = 0; i < n; i++) {
                    z[i] += (r[off + i] - s.mean[off + i]) / (s.std[off + i] + e) / k;
                }
            }
        }
        return new AnomalyMap(GaussianSmoothing.blur(z, w, h, smoothingSigma), w, h);
    }

    /**
     * Whether a map of this size frames the view the reference does. A grid of statistics says
     * where on the part a residual is usual (an edge, a highlight); stretched onto a photo of
     * another shape (a strip among shafts, another part's photo) it would put them where that
     * photo has something else, so such a map is standardised with the grid's pooled statistics.
     */
    public boolean sameShape(int w, int h) {
        return sameShape(w, h, referenceAspect);
    }

    private static boolean sameShape(int w, int h, double aspect) {
        return Math.abs(w / (double) h / aspect - 1) <= SAME_SHAPE_TOLERANCE;
    }

    /**
     * Whether a grid's statistics are fitted on the maps framed like the reference alone: for the
     * same reason as {@link #sameShape}, a map of another shape says nothing about where on the
     * part a residual is usual (one strip among 9 held-out shafts put its own structure into the
     * shafts' spreads). Only when at least 3 maps are framed, so leaving one out still leaves two.
     */
    private static boolean framedOnly(Mode mode, List<ResidualMap> maps, int refWidth, int refHeight) {
        if (mode == Mode.GLOBAL) {
            return false;
        }
        double aspect = refWidth / (double) refHeight;
        long framed = maps.stream().filter(r -> sameShape(r.width(), r.height(), aspect)).count();
        return framed >= 3 && framed < maps.size();
    }

    /** Whether a map of this size is standardised with the pooled statistics rather than the grid's. */
    public boolean pooledFor(int w, int h) {
        return !identity && (gridWidth > 1 || gridHeight > 1) && !sameShape(w, h);
    }

    /** Width over height of the reference photo the grid lies over. */
    public double referenceAspect() {
        return referenceAspect;
    }

    private Resampled statisticsAt(int w, int h) {
        Resampled s = last;
        if (s != null && s.width == w && s.height == h) {
            return s;
        }
        float[] mu = mean;
        float[] sd = std;
        if (w != gridWidth || h != gridHeight) {
            mu = new float[planes * w * h];
            sd = new float[planes * w * h];
            PlaneResampler.bilinear(mean, planes, gridWidth, gridHeight, mu, w, h);
            PlaneResampler.bilinear(std, planes, gridWidth, gridHeight, sd, w, h);
        }
        s = new Resampled(w, h, mu, sd);
        last = s;
        return s;
    }

    /**
     * Writes the statistics in a file's layout (a model keeps the format it was made in, so a
     * recalibrated old model is written as its format reads). Layouts before {@link Layout#PLANES}
     * hold single-plane statistics only; {@link Layout#SQUARE} a square per-pixel grid or a global pair.
     */
    public void write(DataOutputStream out, Layout layout) throws IOException {
        if (layout != Layout.PLANES && planes != 1) {
            throw new IllegalStateException("statistics of " + planes + " planes need the layout with planes");
        }
        out.writeUTF(mode.id());
        if (layout == Layout.SQUARE) {
            if (mode == Mode.COARSE || gridWidth != gridHeight) {
                throw new IllegalStateException("a " + mode.id() + " grid of " + gridWidth + " x " + gridHeight
                        + " has no square layout");
            }
            out.writeInt(gridWidth);
        } else {
            out.writeInt(gridWidth);
            out.writeInt(gridHeight);
        }
        if (layout == Layout.PLANES) {
            out.writeInt(planes);
        }
        for (float e : eps) {
            out.writeFloat(e);
        }
        out.writeInt(mean.length);
        for (int i = 0; i < mean.length; i++) {
            out.writeFloat(mean[i]);
            out.writeFloat(std[i]);
        }
    }

    /** How a model file of a format laid its statistics out. */
    public enum Layout {
        /** Formats 1 and 2: one side of a square grid (per pixel) or a single pair (global). */
        SQUARE,
        /** Formats 3 and 4: a grid over the reference photo, one plane. */
        GRID,
        /** Format 5 on: a grid per plane, one eps per plane. */
        PLANES;

        /** The layout of a model file format. */
        public static Layout ofFormat(int formatVersion) {
            return formatVersion < 3 ? SQUARE : formatVersion < 5 ? GRID : PLANES;
        }
    }

    /**
     * Reads what {@link #write} wrote in a file's layout. The grid must be the one its mode has
     * over the model's reference ({@code refWidth} x {@code refHeight}) and the planes those the
     * model's residual measure gives ({@code planes}), checked before anything is allocated, and
     * every statistic a finite number: a damaged or hostile block is an {@link IOException} saying
     * what is wrong.
     */
    public static ResidualCalibration read(DataInputStream in, Layout layout, int refWidth, int refHeight, int planes)
            throws IOException {
        Mode mode;
        try {
            mode = Mode.of(in.readUTF());
        } catch (IllegalArgumentException e) {
            throw new IOException("calibration statistics: " + e.getMessage(), e);
        }
        int gw;
        int gh;
        if (layout == Layout.SQUARE) {
            int size = in.readInt();
            gw = mode == Mode.PER_PIXEL ? size : 1;
            gh = gw;
        } else {
            gw = in.readInt();
            gh = in.readInt();
        }
        int storedPlanes = layout == Layout.PLANES ? in.readInt() : 1;
        if (storedPlanes != planes) {
            throw new IOException("calibration statistics hold " + storedPlanes + " planes where the model's residual has "
                    + planes);
        }
        float[] eps = new float[planes];
        for (int p = 0; p < planes; p++) {
            eps[p] = in.readFloat();
            if (!(eps[p] >= 0 && eps[p] < Float.POSITIVE_INFINITY)) {
                throw new IOException("calibration statistics hold a non-finite number");
            }
        }
        int n = in.readInt();
        int[] expected = grid(mode, refWidth, refHeight);
        if (gw != expected[0] || gh != expected[1] || (long) gw * gh * planes > MAX_GRID_CELLS || n != gw * gh * planes) {
            throw new IOException("calibration statistics do not match the model (a " + mode.id() + " grid of "
                    + gw + " x " + gh + " with " + n + " entries, where the model has " + expected[0] + " x " + expected[1]
                    + (planes > 1 ? " in " + planes + " planes" : "") + ")");
        }
        float[] mean = new float[n];
        float[] std = new float[n];
        for (int i = 0; i < n; i++) {
            mean[i] = in.readFloat();
            std[i] = in.readFloat();
            if (!Float.isFinite(mean[i]) || !(std[i] >= 0 && std[i] < Float.POSITIVE_INFINITY)) {
                throw new IOException("calibration statistics hold a non-finite or negative number");
            }
        }
        if (in.read() != -1) {
            throw new IOException("calibration statistics are followed by unexpected data");
        }
        return new ResidualCalibration(mode, gw, gh, planes, mean, std, eps, false, refWidth / (double) refHeight);
    }

    /** Running sums per pixel of the reference grid, plane after plane. */
    private record Moments(double[] sum, double[] sumSq, int images, int planes) {
        /** Sums over the maps (only those framed like the reference when {@code framedOnly}). */
        static Moments of(List<ResidualMap> residuals, int w, int h, boolean framedOnly) {
            int planes = planesOf(residuals);
            double[] sum = new double[planes * w * h];
            double[] sumSq = new double[planes * w * h];
            int images = 0;
            for (ResidualMap r : residuals) {
                if (!counts(r, w, h, framedOnly)) {
                    continue;
                }
                images++;
                float[] v = r.resampled(w, h);
                for (int p = 0; p < v.length; p++) {
                    sum[p] += v[p];
                    sumSq[p] += v[p] * (double) v[p];
                }
            }
            return new Moments(sum, sumSq, images, planes);
        }

        static boolean counts(ResidualMap r, int w, int h, boolean framedOnly) {
            return !framedOnly || sameShape(r.width(), r.height(), w / (double) h);
        }

        static Moments none(int planes, int w, int h) {
            return new Moments(new double[planes * w * h], new double[planes * w * h], 0, planes);
        }

        /** Sums that give back a calibration's stored mean and spread over {@code images} maps. */
        static Moments ofStatistics(ResidualCalibration c, int images, int w, int h) {
            double[] sum = new double[c.planes * w * h];
            double[] sumSq = new double[c.planes * w * h];
            int cell = c.mode == Mode.PER_PIXEL ? 1 : cell(c.mode, w, h);
            int cells = c.gridWidth * c.gridHeight;
            for (int p = 0; p < c.planes; p++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int g = p * cells + (y / cell) * c.gridWidth + x / cell;
                        double mu = c.mean[g];
                        double sd = c.std[g];
                        sum[p * w * h + y * w + x] = images * mu;
                        sumSq[p * w * h + y * w + x] = images * (sd * sd + mu * mu);
                    }
                }
            }
            return new Moments(sum, sumSq, images, c.planes);
        }

        Moments plus(List<ResidualMap> maps, int w, int h, boolean framedOnly) {
            if (maps.isEmpty()) {
                return this;
            }
            Moments more = of(maps, w, h, framedOnly);
            if (more.planes != planes) {
                throw new IllegalArgumentException("residual maps of " + more.planes + " planes added to " + planes);
            }
            double[] s = sum.clone();
            double[] sq = sumSq.clone();
            for (int p = 0; p < s.length; p++) {
                s[p] += more.sum[p];
                sq[p] += more.sumSq[p];
            }
            return new Moments(s, sq, images + more.images, planes);
        }

        Moments without(ResidualMap r, int w, int h, boolean framedOnly) {
            if (!counts(r, w, h, framedOnly)) {
                return this;
            }
            double[] s = sum.clone();
            double[] sq = sumSq.clone();
            float[] v = r.resampled(w, h);
            for (int p = 0; p < v.length; p++) {
                s[p] -= v[p];
                sq[p] -= v[p] * (double) v[p];
            }
            return new Moments(s, sq, images - 1, planes);
        }
    }
}
