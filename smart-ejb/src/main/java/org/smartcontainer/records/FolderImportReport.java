package org.smartcontainer.records;

import java.util.List;
import java.util.Map;

/**
 * The outcome of importing a folder of patient files, each in its own transaction.
 *
 * @param imported the files imported, with what each wrote
 * @param failed the files rejected, each with the message naming the problem
 */
public record FolderImportReport(Map<String, ImportResult> imported, Map<String, String> failed) {

    public FolderImportReport {
        imported = Map.copyOf(imported);
        failed = Map.copyOf(failed);
    }

    /** The names of the rejected files. */
    public List<String> failedFiles() {
        return failed.keySet().stream().sorted().toList();
    }
}
