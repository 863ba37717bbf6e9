package org.ssaeinspector.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.ssaeinspector.scoring.ResidualCalibration;
import org.ssaeinspector.util.AppInfo;
import org.ssaeinspector.util.AtomicFiles;
import org.ssaeinspector.util.Json;
import org.ssaeinspector.util.UserFacingException;

/**
 * The {@code .ssae} file: one zip with {@code header.json}, the network parameters and the
 * calibration statistics. Saves are atomic; loads check format and version and fail with a
 * {@link UserFacingException} naming the file and the problem.
 */
public final class ModelFile {
    /**
     * 6: flat photos may all be stretched by one gain ({@code dataTraits.flatStretched}); an older
     * reader would score such a model's photos unstretched, so it must refuse the file;
     * 5: how images and reconstructions are compared ({@code residual}), calibration statistics per
     * plane of a combined residual;
     * 4: what training read off the good images ({@code dataTraits}: light normalisation);
     * 3: photos keep their aspect ratio at a scale ({@code geometry}), calibration statistics on a
     * grid; 2: the network may fold pixel patches into channels ({@code patch}). Format 1 and 2
     * files still load and score as they did (squashed to a square).
     */
    public static final int FORMAT_VERSION = 6;
    public static final String EXTENSION = ".ssae";
    static final String MAGIC = "ssae-inspector-model";
    private static final String HEADER = "header.json";
    private static final String PARAMETERS = "parameters.bin";
    private static final String CALIBRATION = "calibration.bin";

    private ModelFile() {
    }

    public static void save(SsaeModel model, Path file) {
        try {
            ObjectNode json = Json.mapper().valueToTree(model.header());
            ObjectNode root = Json.mapper().createObjectNode();
            root.put("format", MAGIC);
            root.setAll(json);
            byte[] header = Json.mapper().writeValueAsBytes(root);
            AtomicFiles.write(file, out -> {
                ZipOutputStream zip = new ZipOutputStream(out);
                zip.putNextEntry(new ZipEntry(HEADER));
                zip.write(header);
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(PARAMETERS));
                DataOutputStream data = new DataOutputStream(zip);
                model.block().saveParameters(data);
                data.flush();
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(CALIBRATION));
                model.calibration().write(data, ResidualCalibration.Layout.ofFormat(model.header().formatVersion()));
                data.flush();
                zip.closeEntry();
                zip.finish();
            });
        } catch (IOException e) {
            throw new UserFacingException(file + ": cannot write the model (" + describe(e) + ")", e);
        }
    }

    public static SsaeModel load(Path file) {
        return load(file, DeviceChoice.AUTO);
    }

    public static SsaeModel load(Path file, DeviceChoice deviceChoice) {
        requireFile(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ModelHeader header = readHeader(file, zip);
            ResidualCalibration calibration = readCalibration(zip, file, header);
            DjlRuntime.configure();
            Device device = DjlRuntime.device(deviceChoice, msg -> { });
            byte[] parameters;
            try (NDManager scratch = NDManager.newBaseManager(Device.cpu());
                 InputStream in = entry(zip, PARAMETERS, file)) {
                parameters = ParameterLayout.of(header, scratch).read(in);
            }
            return network(parameters, header, calibration, device);
        } catch (ZipException e) {
            throw new UserFacingException(file + ": not an SSAE Inspector model file, or truncated (" + describe(e) + ")", e);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            if (e instanceof UserFacingException u) {
                throw u;
            }
            throw new UserFacingException(file + ": damaged or truncated model file (" + describe(e) + ")", e);
        }
    }

    /**
     * A model with the network of {@code source} (copied: each model owns and closes its own) and
     * another header and calibration: a recalibrated model beside its parent, so the two can be compared.
     */
    static SsaeModel withCalibration(SsaeModel source, ModelHeader header, ResidualCalibration calibration) {
        try {
            return network(source.parameterBytes(), header, calibration, source.device());
        } catch (IOException | MalformedModelException e) {
            throw new IllegalStateException("cannot copy the network: " + describe(e), e);
        }
    }

    /** A network of the header's shape with these parameters (as {@code UNetBlock.saveParameters} wrote them). */
    private static SsaeModel network(byte[] parameters, ModelHeader header, ResidualCalibration calibration, Device device)
            throws IOException, MalformedModelException {
        Model djlModel = Model.newInstance("ssae", device);
        boolean ok = false;
        try {
            UNetBlock block = new UNetBlock(header.channels(), header.width(), header.patch());
            djlModel.setBlock(block);
            block.initialize(djlModel.getNDManager(), DataType.FLOAT32,
                    new Shape(1, header.channels(), header.imageSize(), header.imageSize()));
            block.loadParameters(djlModel.getNDManager(), new DataInputStream(new ByteArrayInputStream(parameters)));
            requireFiniteWeights(block);
            ok = true;
            return new SsaeModel(djlModel, block, device, header, calibration, true);
        } finally {
            if (!ok) {
                djlModel.close();
            }
        }
    }

    /** Reads only the header (fast; for file choosers and recent-model lists). */
    public static ModelHeader readHeader(Path file) {
        requireFile(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return readHeader(file, zip);
        } catch (ZipException e) {
            throw new UserFacingException(file + ": not an SSAE Inspector model file, or truncated (" + describe(e) + ")", e);
        } catch (IOException e) {
            throw new UserFacingException(file + ": cannot read the model file (" + describe(e) + ")", e);
        }
    }

    /** Headers are a few kB; a larger one is not ours (and is not read into memory). */
    static final int MAX_HEADER_BYTES = 1 << 20;

    /** The header, checked against hard limits ({@link ModelHeaderCheck}) before anything is sized by it. */
    private static ModelHeader readHeader(Path file, ZipFile zip) throws IOException {
        JsonNode root;
        try (InputStream in = entry(zip, HEADER, file)) {
            byte[] bytes = in.readNBytes(MAX_HEADER_BYTES + 1);
            if (bytes.length > MAX_HEADER_BYTES) {
                throw new UserFacingException(file + ": damaged model file (the header is larger than "
                        + (MAX_HEADER_BYTES >> 20) + " MiB)");
            }
            root = Json.mapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new UserFacingException(file + ": damaged model file (unreadable header)", e);
        }
        if (root == null || !MAGIC.equals(root.path("format").asText())) {
            throw new UserFacingException(file + ": not an SSAE Inspector model file");
        }
        int version = root.path("formatVersion").asInt(-1);
        if (version > FORMAT_VERSION) {
            throw new UserFacingException(file + ": written by a newer SSAE Inspector ("
                    + root.path("appVersion").asText("?") + ", model format " + version + "); this version ("
                    + AppInfo.version() + ") reads model format " + FORMAT_VERSION + " and older. Please update.");
        }
        if (version < 1) {
            throw new UserFacingException(file + ": damaged model file (no format version)");
        }
        ((ObjectNode) root).remove("format");
        ModelHeader header;
        try {
            header = Json.mapper().treeToValue(root, ModelHeader.class);
        } catch (JsonProcessingException e) {
            throw new UserFacingException(file + ": damaged model file (header " + JsonProblems.describe(e) + ")", e);
        }
        String problem = ModelHeaderCheck.problem(header);
        if (problem != null) {
            throw new UserFacingException(file + ": damaged model file (header: " + problem + ")");
        }
        return header;
    }

    /** The calibration statistics, checked against the header's grid before they are allocated. */
    private static ResidualCalibration readCalibration(ZipFile zip, Path file, ModelHeader header) throws IOException {
        int[] ref = header.geometry().referenceModelSize();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(entry(zip, CALIBRATION, file)))) {
            return ResidualCalibration.read(in, ResidualCalibration.Layout.ofFormat(header.formatVersion()), ref[0], ref[1],
                    header.residualMeasure().planes());
        }
    }

    /** NaN or infinite weights would score every image NaN, which no threshold flags. */
    private static void requireFiniteWeights(UNetBlock block) throws IOException {
        for (var p : block.getParameters()) {
            for (float v : p.getValue().getArray().toFloatArray()) {
                if (!Float.isFinite(v)) {
                    throw new IOException("the network parameter " + p.getKey() + " holds a non-finite number");
                }
            }
        }
    }

    private static InputStream entry(ZipFile zip, String name, Path file) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw new UserFacingException(file + ": not an SSAE Inspector model file (no " + name + ")");
        }
        return zip.getInputStream(e);
    }

    private static void requireFile(Path file) {
        if (!Files.exists(file)) {
            throw new UserFacingException(file + ": model file not found");
        }
        if (!Files.isRegularFile(file)) {
            throw new UserFacingException(file + ": not a model file (it is a folder)");
        }
        if (!Files.isReadable(file)) {
            throw new UserFacingException(file + ": model file is not readable (permissions)");
        }
    }

    /** The first line only: engine messages can run to many lines. */
    private static String describe(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m).strip();
    }
}
