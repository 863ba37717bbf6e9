package org.ssaeinspector.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Shows control characters in what the commands print (file names above all) instead of passing
 * them to the terminal: a file named with an ANSI escape could otherwise recolour, move the cursor
 * or retitle the window. Escapes become {@code \x1b}-style text; tabs and line ends pass (a
 * carriage return only where the platform ends lines with one).
 */
final class TerminalSafeWriter extends FilterWriter {
    private static final boolean CR_LINE_ENDS = System.lineSeparator().indexOf('\r') >= 0;

    TerminalSafeWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        if (safe((char) c)) {
            out.write(c);
        } else {
            out.write(String.format("\\x%02x", c & 0xFFFF));
        }
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (!safe(cbuf[i])) {
                out.write(cbuf, start, i - start);
                write(cbuf[i]);
                start = i + 1;
            }
        }
        out.write(cbuf, start, off + len - start);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        write(str.toCharArray(), off, len);
    }

    /** Printable text, tab and newline; C0, DEL and C1 controls (ESC, CSI, BEL, backspace...) are not. */
    static boolean safe(char c) {
        if (c == '\n' || c == '\t' || (c == '\r' && CR_LINE_ENDS)) {
            return true;
        }
        return c >= 0x20 && !(c >= 0x7f && c <= 0x9f);
    }
}
