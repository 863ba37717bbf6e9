package org.ssaeinspector.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 digests: of one file (CSV model column) and of a training set (names + contents). */
public final class DataFingerprint {
    private DataFingerprint() {
    }

    /** Order-independent: the same files give the same fingerprint whatever order they come in. */
    public static String of(List<Path> files) {
        List<String> entries = new ArrayList<>();
        for (Path p : files) {
            entries.add(p.getFileName() + ":" + sha256(p));
        }
        entries.sort(null);
        MessageDigest md = newDigest();
        for (String e : entries) {
            md.update(e.getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
        }
        return HexFormat.of().formatHex(md.digest());
    }

    public static String sha256(Path file) {
        MessageDigest md = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int r;
            while ((r = in.read(buf)) > 0) {
                md.update(buf, 0, r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
