package org.smartcontainer.api;

import jakarta.enterprise.context.RequestScoped;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The body of the current request, read once before JAX-RS picks a resource ({@code dispatch.BodyCapture}):
 * the API core verifies signatures over form bodies on any method and hands bodies to the handlers.
 */
@RequestScoped
public class RequestBody {

    /** One byte more than the API reads at most, so that a larger body can be refused. */
    public static final int READ_LIMIT = Math.max(org.smartcontainer.api.core.ApiCore.MAX_BODY,
            org.smartcontainer.api.core.ApiCore.MAX_SIGNED_BODY) + 1;

    private byte[] bytes = new byte[0];
    private IOException failure;

    /** The bytes read (at most {@link #READ_LIMIT}); empty without a body; throws if it could not be read. */
    public byte[] bytes() {
        if (failure != null) {
            throw new UncheckedIOException("Cannot read the request body", failure);
        }
        return bytes;
    }

    /** Keeps the bytes read. */
    public void set(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Keeps why the body could not be read (e.g. over the input edge's limit), for whoever needs it. */
    public void failed(IOException failure) {
        this.failure = failure;
    }
}
