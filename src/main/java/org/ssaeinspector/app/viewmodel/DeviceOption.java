package org.ssaeinspector.app.viewmodel;

import org.ssaeinspector.model.DeviceChoice;

/** A device the user can train on, as the settings page lists it. */
public record DeviceOption(String label, DeviceChoice choice) {
    public static final DeviceOption CPU = new DeviceOption("CPU", DeviceChoice.CPU);

    @Override
    public String toString() {
        return label;
    }
}
