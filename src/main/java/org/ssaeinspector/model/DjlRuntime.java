package org.ssaeinspector.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One place that prepares the DJL PyTorch engine: offline (nothing is ever downloaded), intra-op
 * threads = cores and one inter-op thread (no oversubscription), and the device choice with a
 * clear fallback to the CPU. Must run before the engine starts: properties are read once.
 */
public final class DjlRuntime {
    private static boolean configured;

    private DjlRuntime() {
    }

    public static synchronized void configure() {
        if (configured) {
            return;
        }
        // Offline, natives unpacked under ~/.ssae-inspector/djl (see EngineEnvironment).
        org.ssaeinspector.util.EngineEnvironment.configure();
        setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(Runtime.getRuntime().availableProcessors()));
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        setIfAbsent("ai.djl.pytorch.graph_optimizer", "false");
        configured = true;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    public static Engine engine() {
        configure();
        return Engine.getEngine("PyTorch");
    }

    /**
     * Runs inference work without recording gradients, restoring the previous mode after: grad
     * mode is per thread in this engine, and a training on the same thread must keep its own.
     */
    public static <T> T withoutGradients(Supplier<T> work) {
        engine(); // loads the natives that the grad-mode calls need
        boolean grad = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            return work.get();
        } finally {
            JniUtils.setGradMode(grad);
        }
    }

    /** Number of CUDA GPUs the engine sees (0 with the bundled CPU natives). */
    public static int gpuCount() {
        return engine().getGpuCount();
    }

    /**
     * Resolves a device choice. A GPU asked for but not available falls back to the CPU and says
     * so through {@code notice}.
     */
    public static Device device(DeviceChoice choice, Consumer<String> notice) {
        int gpus = gpuCount();
        switch (choice) {
            case CPU:
                return Device.cpu();
            case GPU:
                if (gpus == 0) {
                    notice.accept("No CUDA GPU is available to the engine (the bundled natives are CPU only; "
                            + "see README, 'GPU'); running on the CPU.");
                    return Device.cpu();
                }
                return Device.gpu();
            default:
                return gpus > 0 ? Device.gpu() : Device.cpu();
        }
    }

    public static String describe(Device device) {
        if (device.isGpu()) {
            return "GPU " + device.getDeviceId();
        }
        return "CPU (" + System.getProperty("ai.djl.pytorch.num_threads", "?") + " threads)";
    }
}
