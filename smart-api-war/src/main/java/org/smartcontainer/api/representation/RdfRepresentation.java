package org.smartcontainer.api.representation;

import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.rdf4j.model.Model;

/**
 * A response graph in a chosen representation, written when JAX-RS sends the body. Resources return it as
 * the entity with {@link #contentType()} as the response type:
 * {@code Response.ok(representation, representation.contentType())}.
 */
public final class RdfRepresentation implements StreamingOutput {

    private final RepresentationWriter writer;
    private final Model graph;
    private final RdfMediaType mediaType;

    RdfRepresentation(RepresentationWriter writer, Model graph, RdfMediaType mediaType) {
        this.writer = writer;
        this.graph = graph;
        this.mediaType = mediaType;
    }

    /** The graph to be written. */
    public Model graph() {
        return graph;
    }

    /** The representation. */
    public RdfMediaType mediaType() {
        return mediaType;
    }

    /** The exact {@code Content-Type} header value (bare MIME type). */
    public String contentType() {
        return mediaType.contentType();
    }

    @Override
    public void write(OutputStream output) throws IOException {
        writer.write(graph, mediaType, output);
    }
}
