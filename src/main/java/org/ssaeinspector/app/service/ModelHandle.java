package org.ssaeinspector.app.service;

import org.ssaeinspector.model.ModelHeader;

/**
 * A model the app holds, as the view models see it: its header and device, never the network
 * itself (only the {@link EngineService} on the engine thread touches that).
 */
public interface ModelHandle extends AutoCloseable {
    ModelHeader header();

    /** The device it runs on, in words. */
    String deviceName();

    /** Frees native memory; call on the engine lane. */
    @Override
    void close();
}
