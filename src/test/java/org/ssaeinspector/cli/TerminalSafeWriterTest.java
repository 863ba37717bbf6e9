package org.ssaeinspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalSafeWriterTest {
    private static String through(String text) {
        StringWriter sink = new StringWriter();
        try (PrintWriter w = new PrintWriter(new TerminalSafeWriter(sink))) {
            w.print(text);
        }
        return sink.toString();
    }

    @Test
    void controlCharactersBecomeVisibleEscapesAndTextPasses() {
        assertEquals("a\\x1b[2Jb", through("a\u001b[2Jb"));
        assertEquals("bell\\x07 back\\x08 csi\\x9b del\\x7f", through("bell\u0007 back\u0008 csi\u009b del\u007f"));
        assertEquals("tab\tline\nnaïve 日本 ✓", through("tab\tline\nnaïve 日本 ✓"));
    }
}
