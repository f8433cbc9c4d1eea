package org.smartcontainer.api.core;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Administrators whose HTTP Basic credentials were verified a moment ago. A password check costs a
 * PBKDF2 derivation with 210,000 iterations (tens of milliseconds) and a database write; a script
 * that sends many admin requests would otherwise pay that on every one and serialize on the account
 * row. Only successful checks are remembered, keyed by a SHA-256 of the exact header value (never
 * the password itself), for {@code smart.api.basic-credentials-seconds} (default 30; 0 turns it off).
 * A disabled or re-keyed account is therefore refused at the latest after that time.
 */
@ApplicationScoped
public class VerifiedAdministrators {

    private static final int MAX_ENTRIES = 1_000;

    private final ConcurrentHashMap<String, Entry> verified = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<Object>> checking = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "smart.api.basic-credentials-seconds", defaultValue = "30")
    long seconds;

    private record Entry(String username, long expiresAtNanos) {
    }

    /** The administrator these credentials were verified for, if that was less than the time ago. */
    Optional<String> lookup(String credentials) {
        if (seconds <= 0) {
            return Optional.empty();
        }
        String key = key(credentials);
        Entry entry = verified.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (System.nanoTime() - entry.expiresAtNanos() > 0) {
            verified.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.username());
    }

    /** A password check that may refuse. */
    @FunctionalInterface
    interface Check<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * Runs {@code check} for these exact credentials once, however many requests carrying them arrive while it
     * runs: the others wait for its outcome (answer or refusal) instead of each deriving PBKDF2 again, which
     * used to stall a script's burst of requests every time the remembered check ran out.
     */
    @SuppressWarnings("unchecked")
    <T, E extends Exception> T checkOnce(String credentials, Check<T, E> check) throws E {
        String key = key(credentials);
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> running = checking.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return (T) running.join();
            } catch (CompletionException failed) {
                Throwable cause = failed.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw (E) cause;
            }
        }
        try {
            T result = check.run();
            mine.complete(result);
            return result;
        } catch (Exception | Error failed) {
            mine.completeExceptionally(failed);
            throw failed;
        } finally {
            checking.remove(key, mine);
        }
    }

    /** Remembers a successful check of these credentials. */
    void remember(String credentials, String username) {
        if (seconds <= 0) {
            return;
        }
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear(); // bounded: a flood of distinct valid credentials only costs re-checks
        }
        verified.put(key(credentials), new Entry(username, System.nanoTime() + seconds * 1_000_000_000L));
    }

    private static String key(String credentials) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(credentials.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
