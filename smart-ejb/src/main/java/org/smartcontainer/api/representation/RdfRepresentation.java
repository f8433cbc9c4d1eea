package org.smartcontainer.api.representation;

import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.rdf4j.model.Model;

/**
 * A response graph in a chosen representation, written when the front sends the body (the API core makes it
 * the body of an answer with {@link #contentType()} as its type).
 */
public final class RdfRepresentation {

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

    /** Writes the graph in the representation. */
    public void writeTo(OutputStream output) throws IOException {
        writer.write(graph, mediaType, output);
    }
}
