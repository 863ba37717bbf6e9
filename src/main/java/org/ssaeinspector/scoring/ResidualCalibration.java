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
 * measured at the end of training ({@code model.CalibrationChooser}).
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
    /** Largest grid a model file may claim (a 4096 x 4096 reference): refuses hostile sizes early. */
    public static final long MAX_GRID_CELLS = 1L << 24;

    private final Mode mode;
    private final int gridWidth;
    private final int gridHeight;
    private final float[] mean;
    private final float[] std;
    private final float eps;
    /** The statistics resampled to the last map size asked for (photos of one line share a size). */
    private volatile Resampled last;

    private record Resampled(int width, int height, float[] mean, float[] std) {
    }

    private ResidualCalibration(Mode mode, int gridWidth, int gridHeight, float[] mean, float[] std, float eps) {
        this.mode = mode;
        this.gridWidth = gridWidth;
        this.gridHeight = gridHeight;
        this.mean = mean;
        this.std = std;
        this.eps = eps;
    }

    /** No statistics (fewer than two held-out images): residuals are used as they are. */
    public static ResidualCalibration identity() {
        return new ResidualCalibration(Mode.GLOBAL, 1, 1, new float[] {0f}, new float[] {1f}, 0f);
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
        Moments m = Moments.of(residuals, refWidth, refHeight);
        return fromMoments(mode, m, refWidth, refHeight, residuals.size());
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
        Moments m = Moments.of(residuals, refWidth, refHeight);
        for (int i = 0; i < n; i++) {
            each.accept(fromMoments(mode, m.without(residuals.get(i), refWidth, refHeight), refWidth, refHeight, n - 1), i);
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
        boolean fitted = images >= 2 && eps > 0; // identity(): nothing was measured
        Moments base = fitted ? Moments.ofStatistics(this, images, refWidth, refHeight) : Moments.none(refWidth, refHeight);
        Moments all = base.plus(added, refWidth, refHeight);
        for (int i = 0; i < added.size(); i++) {
            Moments without = all.without(added.get(i), refWidth, refHeight);
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
        double[] sum;
        double[] sumSq;
        double[] count;
        if (mode == Mode.PER_PIXEL) {
            sum = m.sum;
            sumSq = m.sumSq;
            count = null;
        } else {
            int cell = cell(mode, refWidth, refHeight);
            sum = new double[gw * gh];
            sumSq = new double[gw * gh];
            count = new double[gw * gh];
            for (int y = 0; y < refHeight; y++) {
                for (int x = 0; x < refWidth; x++) {
                    int g = (y / cell) * gw + x / cell;
                    sum[g] += m.sum[y * refWidth + x];
                    sumSq[g] += m.sumSq[y * refWidth + x];
                    count[g] += m.images;
                }
            }
        }
        int cells = gw * gh;
        float[] mean = new float[cells];
        float[] var = new float[cells];
        for (int i = 0; i < cells; i++) {
            double c = count == null ? m.images : count[i];
            double mu = sum[i] / c;
            mean[i] = (float) mu;
            var[i] = (float) Math.max(0, sumSq[i] / c - mu * mu);
        }
        float[] std = new float[cells];
        if (mode == Mode.PER_PIXEL) {
            float[] prior = GaussianSmoothing.blur(var, gw, gh, PRIOR_SIGMA_AT_128 * Math.min(gw, gh) / 128.0);
            for (int i = 0; i < cells; i++) {
                std[i] = (float) Math.sqrt((images * (double) var[i] + PRIOR_IMAGES * prior[i]) / (images + PRIOR_IMAGES));
            }
        } else {
            for (int i = 0; i < cells; i++) {
                std[i] = (float) Math.sqrt(var[i]);
            }
        }
        return new ResidualCalibration(mode, gw, gh, mean, std, epsFor(std));
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

    /** Standardises, then smooths: the calibrated anomaly map of one residual map. */
    public AnomalyMap anomalyMap(ResidualMap residual, double smoothingSigma) {
        int w = residual.width();
        int h = residual.height();
        float[] r = residual.values();
        float[] z = new float[r.length];
        if (gridWidth == 1 && gridHeight == 1) {
            float mu = mean[0];
            float inv = 1f / (std[0] + eps);
            for (int i = 0; i < z.length; i++) {
                z[i] = (r[i] - mu) * inv;
            }
        } else {
            Resampled s = statisticsAt(w, h);
            for (int i = 0; i < z.length; i++) {
                z[i] = (r[i] - s.mean[i]) / (s.std[i] + eps);
            }
        }
        return new AnomalyMap(GaussianSmoothing.blur(z, w, h, smoothingSigma), w, h);
    }

    private Resampled statisticsAt(int w, int h) {
        Resampled s = last;
        if (s != null && s.width == w && s.height == h) {
            return s;
        }
        float[] mu = mean;
        float[] sd = std;
        if (w != gridWidth || h != gridHeight) {
            mu = new float[w * h];
            sd = new float[w * h];
            PlaneResampler.bilinear(mean, 1, gridWidth, gridHeight, mu, w, h);
            PlaneResampler.bilinear(std, 1, gridWidth, gridHeight, sd, w, h);
        }
        s = new Resampled(w, h, mu, sd);
        last = s;
        return s;
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeUTF(mode.id());
        out.writeInt(gridWidth);
        out.writeInt(gridHeight);
        out.writeFloat(eps);
        out.writeInt(mean.length);
        for (int i = 0; i < mean.length; i++) {
            out.writeFloat(mean[i]);
            out.writeFloat(std[i]);
        }
    }

    /**
     * Reads what {@link #write} wrote; {@code squareFormat} for model files of format 1 and 2,
     * which stored one side of a square grid (per pixel) or a single pair (global). The grid must
     * be the one its mode has over the model's reference ({@code refWidth} x {@code refHeight}),
     * checked before anything is allocated, and every statistic a finite number: a damaged or
     * hostile block is an {@link IOException} saying what is wrong.
     */
    public static ResidualCalibration read(DataInputStream in, boolean squareFormat, int refWidth, int refHeight)
            throws IOException {
        Mode mode;
        try {
            mode = Mode.of(in.readUTF());
        } catch (IllegalArgumentException e) {
            throw new IOException("calibration statistics: " + e.getMessage(), e);
        }
        int gw;
        int gh;
        if (squareFormat) {
            int size = in.readInt();
            gw = mode == Mode.PER_PIXEL ? size : 1;
            gh = gw;
        } else {
            gw = in.readInt();
            gh = in.readInt();
        }
        float eps = in.readFloat();
        int n = in.readInt();
        int[] expected = grid(mode, refWidth, refHeight);
        if (gw != expected[0] || gh != expected[1] || (long) gw * gh > MAX_GRID_CELLS || n != gw * gh) {
            throw new IOException("calibration statistics do not match the model (a " + mode.id() + " grid of "
                    + gw + " x " + gh + " with " + n + " entries, where the model has " + expected[0] + " x " + expected[1] + ")");
        }
        if (!(eps >= 0 && eps < Float.POSITIVE_INFINITY)) {
            throw new IOException("calibration statistics hold a non-finite number");
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
        return new ResidualCalibration(mode, gw, gh, mean, std, eps);
    }

    /** Running sums per pixel of the reference grid. */
    private record Moments(double[] sum, double[] sumSq, int images) {
        static Moments of(List<ResidualMap> residuals, int w, int h) {
            double[] sum = new double[w * h];
            double[] sumSq = new double[w * h];
            for (ResidualMap r : residuals) {
                float[] v = r.resampled(w, h);
                for (int p = 0; p < v.length; p++) {
                    sum[p] += v[p];
                    sumSq[p] += v[p] * (double) v[p];
                }
            }
            return new Moments(sum, sumSq, residuals.size());
        }

        static Moments none(int w, int h) {
            return new Moments(new double[w * h], new double[w * h], 0);
        }

        /** Sums that give back a calibration's stored mean and spread over {@code images} maps. */
        static Moments ofStatistics(ResidualCalibration c, int images, int w, int h) {
            double[] sum = new double[w * h];
            double[] sumSq = new double[w * h];
            int cell = c.mode == Mode.PER_PIXEL ? 1 : cell(c.mode, w, h);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int g = (y / cell) * c.gridWidth + x / cell;
                    double mu = c.mean[g];
                    double sd = c.std[g];
                    sum[y * w + x] = images * mu;
                    sumSq[y * w + x] = images * (sd * sd + mu * mu);
                }
            }
            return new Moments(sum, sumSq, images);
        }

        Moments plus(List<ResidualMap> maps, int w, int h) {
            Moments more = of(maps, w, h);
            double[] s = sum.clone();
            double[] sq = sumSq.clone();
            for (int p = 0; p < s.length; p++) {
                s[p] += more.sum[p];
                sq[p] += more.sumSq[p];
            }
            return new Moments(s, sq, images + more.images);
        }

        Moments without(ResidualMap r, int w, int h) {
            double[] s = sum.clone();
            double[] sq = sumSq.clone();
            float[] v = r.resampled(w, h);
            for (int p = 0; p < v.length; p++) {
                s[p] -= v[p];
                sq[p] -= v[p] * (double) v[p];
            }
            return new Moments(s, sq, images - 1);
        }
    }
}
