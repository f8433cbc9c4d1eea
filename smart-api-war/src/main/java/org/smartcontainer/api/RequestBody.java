package org.smartcontainer.api;

import jakarta.enterprise.context.RequestScoped;

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

    /** The bytes read (at most {@link #READ_LIMIT}); empty without a body. */
    public byte[] bytes() {
        return bytes;
    }

    /** Keeps the bytes read. */
    public void set(byte[] bytes) {
        this.bytes = bytes;
    }
}
