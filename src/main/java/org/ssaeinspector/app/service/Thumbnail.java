package org.ssaeinspector.app.service;

/** A small picture of an image file as packed ARGB pixels (null pixels: the file is unreadable). */
public record Thumbnail(int width, int height, int[] argb, String problem) {
    public static Thumbnail broken(String problem) {
        return new Thumbnail(0, 0, null, problem);
    }

    public boolean isBroken() {
        return argb == null;
    }
}
