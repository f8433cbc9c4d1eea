package org.smartcontainer.records.query;

/**
 * A slice of a sorted collection: at most {@code limit} statements starting at index {@code offset}.
 *
 * @param limit the page size, at least 1
 * @param offset the index of the first statement, at least 0
 */
public record Page(int limit, int offset) {

    public Page {
        if (limit < 1 || offset < 0) {
            throw new IllegalArgumentException("limit must be positive and offset non-negative: " + limit + "/" + offset);
        }
    }

    /** The page after this one. */
    public Page next() {
        return new Page(limit, offset + limit);
    }
}
