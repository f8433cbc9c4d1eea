package org.smartcontainer.ontology;

import java.util.Optional;

/** Which side of the range a date filter parameter bounds (see api.md section 4.2). */
public enum DateBound {
    /** {@code date_from}, {@code date_from_including}: item date on or after the value. */
    FROM_INCLUDING("FromIncluding"),
    /** {@code date_from_excluding}: item date after the whole period the value denotes. */
    FROM_EXCLUDING("FromExcluding"),
    /** {@code date_to}, {@code date_to_including}: item date on or before the end of the value's period. */
    TO_INCLUDING("ToIncluding"),
    /** {@code date_to_excluding}: item date before the value's period. */
    TO_EXCLUDING("ToExcluding");

    private final String localName;

    DateBound(String localName) {
        this.localName = localName;
    }

    /** The local name of this bound in our ontology namespace. */
    public String localName() {
        return localName;
    }

    /** The bound named by an {@code sc:} local name. */
    public static Optional<DateBound> ofLocalName(String name) {
        for (DateBound b : values()) {
            if (b.localName.equals(name)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** The bound implied by a SMART date filter parameter name such as {@code date_to_excluding}. */
    public static Optional<DateBound> ofParameterName(String parameterName) {
        return switch (parameterName) {
            case "date_from", "date_from_including" -> Optional.of(FROM_INCLUDING);
            case "date_from_excluding" -> Optional.of(FROM_EXCLUDING);
            case "date_to", "date_to_including" -> Optional.of(TO_INCLUDING);
            case "date_to_excluding" -> Optional.of(TO_EXCLUDING);
            default -> Optional.empty();
        };
    }
}
