package org.ssaeinspector.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.Test;

class DjlRuntimeTest {

    /** Inference switches gradients off for its own work only, even when it fails. */
    @Test
    void withoutGradientsRestoresTheThreadsModeAfterwardsAndOnFailure() {
        DjlRuntime.engine();
        boolean before = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        try {
            assertFalse(DjlRuntime.withoutGradients(JniUtils::isGradMode));
            assertTrue(JniUtils.isGradMode());
            assertThrows(IllegalStateException.class, () -> DjlRuntime.withoutGradients(() -> {
                throw new IllegalStateException("boom");
            }));
            assertTrue(JniUtils.isGradMode());
        } finally {
            JniUtils.setGradMode(before);
        }
    }
}
