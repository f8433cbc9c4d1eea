package org.smartcontainer.records.query;

import java.util.OptionalInt;

/**
 * Container-wide paging settings (the reference's {@code DEFAULT_PAGE_LIMIT} and {@code MAX_PAGE_LIMIT}).
 *
 * @param defaultLimit the page size when the client gives no {@code limit}; empty: everything
 * @param maxLimit the largest page size served; a larger requested {@code limit} is capped to it
 */
public record PagingPolicy(OptionalInt defaultLimit, OptionalInt maxLimit) {

    /** The reference defaults: no default page size, no cap. */
    public static final PagingPolicy UNLIMITED = new PagingPolicy(OptionalInt.empty(), OptionalInt.empty());

    public PagingPolicy {
        if (defaultLimit.isPresent() && defaultLimit.getAsInt() < 1 || maxLimit.isPresent() && maxLimit.getAsInt() < 1) {
            throw new IllegalArgumentException("Page limits must be positive");
        }
    }
}
