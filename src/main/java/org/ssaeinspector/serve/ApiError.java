package org.ssaeinspector.serve;

/**
 * A request the service answers with an error: an HTTP status, a short machine-readable code and
 * one sentence that names the problem. Sent as {@code {"error": code, "message": message}}.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String code;

    public ApiError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
