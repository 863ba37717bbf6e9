package org.ssaeinspector.samples;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.util.AtomicFiles;
import org.ssaeinspector.util.IoMessages;
import org.ssaeinspector.util.UserFacingException;

/**
 * Writes a small synthetic data set in the MVTec AD layout: for each category
 * {@code train/good/NNN.png}, {@code test/good/NNN.png}, {@code test/<defect>/NNN.png} and
 * {@code ground_truth/<defect>/NNN_mask.png}, 256x256 RGB PNGs. The pictures are drawn by
 * this program (no third-party images), so they can ship with the app under its licence.
 *
 * <p>Reproducible: every picture is rendered from its own {@link Random} seeded from the data
 * set seed and the picture's place (category, split, folder, number), using only arithmetic
 * whose results Java fixes ({@link StrictMath}), so a seed gives the same pixels everywhere.
 * The mask of a defective picture marks exactly the pixels where it differs from the same
 * picture rendered without the defect.
 */
public final class SampleImageGenerator {
    /** The seed of the bundled {@code sample-images/}. */
    public static final long DEFAULT_SEED = 2025L;
    public static final int SIZE = 256;
    static final int TRAIN_GOOD = 30;
    static final int TEST_GOOD = 6;
    static final int TEST_PER_DEFECT = 5;

    private SampleImageGenerator() {
    }

    /** The categories, in generation order. */
    static List<SampleCategory> categories() {
        return List.of(new FabricSample(), new WasherSample());
    }

    /**
     * Generates the data set into {@code outDir} (created if needed; files of the same name are
     * replaced) with a README, and returns the category folders.
     *
     * @throws UserFacingException when a file cannot be written (the message names it)
     */
    public static List<Path> generate(Path outDir, long seed) {
        List<Path> folders = new ArrayList<>();
        for (SampleCategory category : categories()) {
            Path root = outDir.resolve(category.name());
            for (int i = 0; i < TRAIN_GOOD; i++) {
                writePng(root.resolve("train/good").resolve(name(i)), render(category, seed, "train", null, i).image());
            }
            for (int i = 0; i < TEST_GOOD; i++) {
                writePng(root.resolve("test/good").resolve(name(i)), render(category, seed, "test", null, i).image());
            }
            for (String defect : category.defectTypes()) {
                for (int i = 0; i < TEST_PER_DEFECT; i++) {
                    Sample s = render(category, seed, "test", defect, i);
                    writePng(root.resolve("test").resolve(defect).resolve(name(i)), s.image());
                    writePng(root.resolve("ground_truth").resolve(defect).resolve(String.format("%03d_mask.png", i)),
                            maskImage(s.mask()));
                }
            }
            folders.add(root);
        }
        writeText(outDir.resolve("README.md"), readme(seed));
        return folders;
    }

    /** One picture as written (8 bit), its defect-free twin, and the defect mask. */
    record Sample(BufferedImage image, BufferedImage clean, boolean[] mask) {
    }

    /** Renders picture {@code index} of a folder; {@code defect} null means a good picture. */
    static Sample render(SampleCategory category, long seed, String split, String defect, int index) {
        long key = key(seed, category.name(), split, defect == null ? "good" : defect, index);
        double[][] clean = category.render(new Random(key), SIZE, null);
        double[][] shown = defect == null ? clean : category.render(new Random(key), SIZE, defect);
        int n = SIZE * SIZE;
        boolean[] mask = new boolean[n];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < n; i++) {
                mask[i] |= shown[c][i] != clean[c][i];
            }
        }
        return new Sample(toImage(shown), toImage(clean), mask);
    }

    /*
     * No camera noise is added: at one grey level it would make the bundled PNGs half again as
     * large, and the pictures vary enough (position, lighting, texture) without it.
     */
    private static BufferedImage toImage(double[][] rgb) {
        int n = SIZE * SIZE;
        float[] planes = new float[3 * n];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < n; i++) {
                planes[c * n + i] = (float) rgb[c][i];
            }
        }
        return new FloatImage(3, SIZE, SIZE, planes).toBufferedImage();
    }

    /** A seed for one picture: a hash of its place in the data set, mixed by SplitMix64's finaliser. */
    static long key(long seed, String category, String split, String folder, int index) {
        long h = seed;
        for (String part : new String[] {category, split, folder}) {
            h = h * 1_000_003L + part.hashCode();
        }
        h = h * 1_000_003L + index;
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }

    private static BufferedImage maskImage(boolean[] mask) {
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < mask.length; i++) {
            data[i] = mask[i] ? (byte) 255 : 0;
        }
        return img;
    }

    private static String name(int index) {
        return String.format("%03d.png", index);
    }

    private static void writePng(Path file, BufferedImage image) {
        try {
            AtomicFiles.write(file, out -> Png.write(image, out));
        } catch (IOException e) {
            throw new UserFacingException("Cannot write " + file + ": " + IoMessages.reason(e), e);
        }
    }

    private static void writeText(Path file, String text) {
        try {
            AtomicFiles.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UserFacingException("Cannot write " + file + ": " + IoMessages.reason(e), e);
        }
    }

    static String readme(long seed) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Sample images\n\n")
          .append("Synthetic pictures for trying SSAE Inspector, in the MVTec AD folder layout. They were\n")
          .append("drawn by the program itself (`org.ssaeinspector.samples.SampleImageGenerator`, seed\n")
          .append(seed).append("); no photographs or third-party images are used.\n\n")
          .append("The same seed gives the same pixels. Regenerate them with the `samples` command of\n")
          .append("`ssae-inspector`, or from a build with\n\n")
          .append("    java -cp \"target/classes:target/lib/*\" org.ssaeinspector.samples.SampleImageGenerator sample-images ")
          .append(seed).append("\n\n")
          .append("| category | kind | train/good | test/good | defects (5 test images each, with masks) |\n")
          .append("|---|---|---|---|---|\n");
        for (SampleCategory c : categories()) {
            sb.append("| ").append(c.name()).append(" | ").append(c instanceof FabricSample ? "texture" : "object")
              .append(" | ").append(TRAIN_GOOD).append(" | ").append(TEST_GOOD).append(" | ")
              .append(String.join(", ", c.defectTypes())).append(" |\n");
        }
        sb.append("\n- `fabric`: plain-weave linen; defects `hole` (torn, frayed, dark table showing through)\n")
          .append("  and `stain` (a dried brownish drop with a darker rim).\n")
          .append("- `washer`: a turned steel washer in a fixture pocket, with small shifts in position and\n")
          .append("  lighting; defects `scratch` (a thin bright or dark line) and `missing_piece` (a chip\n")
          .append("  broken off the rim).\n\n")
          .append("Each `ground_truth/<defect>/NNN_mask.png` is white exactly where `test/<defect>/NNN.png`\n")
          .append("differs from the same picture drawn without the defect.\n\n")
          .append("Each category folder also holds a small model trained on its good images, which the\n")
          .append("app opens together with the images (not written by the generator). `washer.ssae` (model\n")
          .append("format 3: scale, measured calibration) was made with `benchmark --data sample-images/washer\n")
          .append("--size 128 --width 16 --minutes 4 --seed 1 --model-out sample-images/washer/washer.ssae`, which\n")
          .append("trains exactly as `train` does with the same options. `fabric.ssae` is still the earlier model\n")
          .append("(format 2, squashed to 128 px, `train ... --size 128 --width 16 --minutes 4 --seed 1 --kind\n")
          .append("texture`): retrained the new way its ranking was better (image AUROC 0.967 against 0.850) but its\n")
          .append("threshold, drawn from only 5 held-out images, flagged 4 of the 6 good test images\n")
          .append("(docs/benchmarks.md).\n\n")
          .append("Licence: these images are part of SSAE Inspector and are distributed under the\n")
          .append("project's own licence, like its source code.\n");
        return sb.toString();
    }

    /** {@code SampleImageGenerator [folder [seed]]}: writes the sample data set (default {@code sample-images}, seed {@value #DEFAULT_SEED}). */
    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "sample-images");
        long seed;
        try {
            seed = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED;
        } catch (NumberFormatException e) {
            System.err.println("The seed must be a whole number, not \"" + args[1] + "\"");
            System.exit(2);
            return;
        }
        try {
            for (Path folder : generate(out, seed)) {
                System.out.println("Wrote " + folder);
            }
        } catch (UserFacingException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }
}
