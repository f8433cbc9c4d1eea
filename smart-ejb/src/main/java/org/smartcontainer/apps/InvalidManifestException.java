package org.smartcontainer.apps;

import java.util.List;

/** A manifest was refused; {@link #problems()} lists every problem found, one per field. */
public class InvalidManifestException extends Exception {

    private final List<String> problems;

    public InvalidManifestException(List<String> problems) {
        super("Invalid app manifest: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, e.g. {@code "mode: must be one of ui, frame_ui, background"}. */
    public List<String> problems() {
        return problems;
    }
}
