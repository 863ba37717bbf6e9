package org.ssaeinspector.util;

/**
 * A failure caused by the user's input (a missing folder, a foreign model file, an unwritable
 * path). Its message is complete and is shown as it is, without a stack trace; it names the
 * file and the problem.
 */
public class UserFacingException extends RuntimeException {
    public UserFacingException(String message) {
        super(message);
    }

    public UserFacingException(String message, Throwable cause) {
        super(message, cause);
    }
}
