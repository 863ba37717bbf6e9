package org.ssaeinspector.app.project;

import java.nio.file.Path;

/**
 * Writes paths relative to the project file's folder when they share a root (so a project can
 * move with its images), absolute otherwise; always with '/' so files travel between systems.
 */
public final class PathCodec {
    private final Path base;

    public PathCodec(Path projectFile) {
        this.base = projectFile.toAbsolutePath().normalize().getParent();
    }

    public String encode(Path p) {
        if (p == null) {
            return null;
        }
        Path abs = p.toAbsolutePath().normalize();
        if (base != null && base.getRoot() != null && base.getRoot().equals(abs.getRoot())) {
            return base.relativize(abs).toString().replace('\\', '/');
        }
        return abs.toString().replace('\\', '/');
    }

    public Path decode(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        Path p = Path.of(s.replace('/', java.io.File.separatorChar));
        return p.isAbsolute() || base == null ? p.normalize() : base.resolve(p).normalize();
    }
}
