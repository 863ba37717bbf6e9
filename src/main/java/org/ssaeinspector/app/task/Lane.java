package org.ssaeinspector.app.task;

/**
 * Where background work runs. DJL work must stay on one thread (grad mode is per thread and
 * NDArrays must never cross to the UI), so everything that touches the network goes to
 * {@link #ENGINE}; file reading and image decoding go to {@link #IO}.
 */
public enum Lane {
    /** One dedicated thread for all model work: training, scoring, loading and saving models. */
    ENGINE,
    /** A small pool for decoding images, thumbnails and file checks. */
    IO
}
