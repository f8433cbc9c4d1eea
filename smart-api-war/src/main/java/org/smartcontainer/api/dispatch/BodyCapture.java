package org.smartcontainer.api.dispatch;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import org.smartcontainer.api.RequestBody;

/**
 * Reads the start of the request body (as much as the API reads) into {@link RequestBody} before
 * authorization, whatever the method, and puts it back in front of the rest for resources that read it
 * themselves.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHORIZATION - 10)
public class BodyCapture implements ContainerRequestFilter {

    @Inject
    private RequestBody body;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.hasEntity()) {
            return;
        }
        InputStream in = request.getEntityStream();
        byte[] bytes;
        try {
            bytes = in.readNBytes(RequestBody.READ_LIMIT);
        } catch (IOException e) {
            body.failed(e); // the call fails where it is audited
            return;
        }
        // the rest (a patient-file import may be larger) stays for the resource to read
        request.setEntityStream(new SequenceInputStream(new ByteArrayInputStream(bytes), in));
        body.set(bytes);
    }
}
