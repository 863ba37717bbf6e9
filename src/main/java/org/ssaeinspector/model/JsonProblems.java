package org.ssaeinspector.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.stream.Collectors;

/** One line for a JSON field that could not be read: which field, and why, without Jackson's source dump. */
final class JsonProblems {
    private JsonProblems() {
    }

    static String describe(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")) : "";
        Throwable cause = e.getCause();
        // A record's own check (e.g. "scale must be a positive number") says more than Jackson's wrapper.
        String why = cause instanceof IllegalArgumentException && cause.getMessage() != null ? cause.getMessage()
                : e.getOriginalMessage();
        why = why == null ? e.getClass().getSimpleName() : why.lines().findFirst().orElse(why).strip();
        return (field.isEmpty() ? "" : "field " + field + ": ") + why;
    }
}
