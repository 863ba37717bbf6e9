package org.ssaeinspector.model;

/** Where the network runs: the GPU when one is configured (AUTO), or forced to CPU/GPU. */
public enum DeviceChoice {
    AUTO, CPU, GPU
}
