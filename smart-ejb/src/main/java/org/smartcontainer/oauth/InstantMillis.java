package org.smartcontainer.oauth;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;

/**
 * Stores an {@link Instant} as milliseconds since the epoch ({@code BIGINT}). EclipseLink 4.0 on Payara 6 does
 * not map {@code Instant} itself: it serialized it into a {@code VARBINARY}, which the expiry queries
 * ({@code expiresAt < :now}) compared byte by byte. A plain number sorts and compares the same in every
 * database (as the audit trail's times do).
 */
@Converter
public class InstantMillis implements AttributeConverter<Instant, Long> {

    @Override
    public Long convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    @Override
    public Instant convertToEntityAttribute(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
