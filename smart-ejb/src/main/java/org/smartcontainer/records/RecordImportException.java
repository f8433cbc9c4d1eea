package org.smartcontainer.records;

/** A patient could not be imported; the message names the file, node and property at fault. Nothing was written. */
public class RecordImportException extends Exception {

    /** An import failure with a message that names the problem. */
    public RecordImportException(String message) {
        super(message);
    }

    /** An import failure caused by another exception (parser, store). */
    public RecordImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
