package org.ssaeinspector.app.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ssaeinspector.app.viewmodel.ImageSet;
import org.ssaeinspector.app.viewmodel.UserPrompts;

/** Prompts that answer from fields and record what was asked. */
public final class RecordingPrompts implements UserPrompts {
    public final List<String> errors = new ArrayList<>();
    public final List<String> confirmations = new ArrayList<>();
    public ImageSet setAnswer = ImageSet.TEST;
    public boolean confirmAnswer = true;
    public int setQuestions;

    @Override
    public Optional<ImageSet> chooseSet(int imageCount) {
        setQuestions++;
        return Optional.ofNullable(setAnswer);
    }

    @Override
    public boolean confirm(String title, String message) {
        confirmations.add(title + ": " + message);
        return confirmAnswer;
    }

    @Override
    public void error(String title, String message) {
        errors.add(title + ": " + message);
    }
}
