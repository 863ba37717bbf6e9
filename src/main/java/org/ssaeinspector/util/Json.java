package org.ssaeinspector.util;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one configured JSON mapper: ISO durations, pretty output, tolerant of newer fields. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Writes {@code value} as JSON, atomically; failures name the file. */
    public static void write(Object value, java.nio.file.Path file) {
        try {
            byte[] bytes = MAPPER.writeValueAsBytes(value);
            AtomicFiles.write(file, out -> out.write(bytes));
        } catch (java.io.IOException e) {
            throw new UserFacingException(file + ": cannot write (" + e.getMessage() + ")", e);
        }
    }
}
