package org.smartcontainer.oauth;

import java.util.Optional;

/**
 * The record ids the OAuth provider needs to know about: whether a record exists (binding a token to
 * it) and the id order the helper-token loop walks. Implemented over the record store.
 */
public interface RecordDirectory {

    /** Whether the record exists. */
    boolean exists(String recordId);

    /** The smallest record id (string order) greater than {@code after}, or the smallest of all when {@code after} is null. */
    Optional<String> firstRecordAfter(String after);
}
