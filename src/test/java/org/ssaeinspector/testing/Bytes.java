package org.ssaeinspector.testing;

/** Byte-level helpers for tests that damage files on purpose. */
public final class Bytes {
    private Bytes() {
    }

    /** Where {@code needle} first stands in {@code haystack}; fails the test when it is absent. */
    public static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
