package org.smartcontainer.api.core;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.smartcontainer.api.representation.RepresentationWriter;
import org.smartcontainer.api.routing.ApiRouter;
import org.smartcontainer.ontology.SmartOntology;
import org.smartcontainer.records.query.PagingPolicy;
import org.smartcontainer.records.write.StatementPost;

/**
 * What the API is built from, made once per deployment: the ontology, the routing table derived from it, the
 * representation writer, the ontology's RDF/XML as served at {@code /ontology}, the rules for posted data and
 * the paging policy ({@code smart.api.page.default-limit}, {@code smart.api.page.max-limit}; unset: none).
 */
@ApplicationScoped
public class SmartApi {

    @Inject
    @ConfigProperty(name = "smart.api.page.default-limit", defaultValue = "0")
    int defaultPageLimit;

    @Inject
    @ConfigProperty(name = "smart.api.page.max-limit", defaultValue = "0")
    int maxPageLimit;

    private SmartOntology ontology;
    private ApiRouter router;
    private RepresentationWriter writer;
    private byte[] ontologyRdfXml;
    private StatementPost posts;
    private PagingPolicy paging;

    @PostConstruct
    void build() {
        ontology = SmartOntology.loadDefault();
        router = ApiRouter.fromOntology(ontology);
        writer = RepresentationWriter.forOntology(ontology);
        posts = new StatementPost(ontology);
        ByteArrayOutputStream owl = new ByteArrayOutputStream(1 << 18);
        Rio.write(ontology.model(), owl, RDFFormat.RDFXML);
        ontologyRdfXml = owl.toByteArray();
        paging = new PagingPolicy(positive(defaultPageLimit), positive(maxPageLimit));
    }

    private static OptionalInt positive(int value) {
        return value > 0 ? OptionalInt.of(value) : OptionalInt.empty();
    }

    /** The ontology that drives routing, filters and validation. */
    public SmartOntology ontology() {
        return ontology;
    }

    /** The routing table. */
    public ApiRouter router() {
        return router;
    }

    /** The one writer of RDF responses. */
    public RepresentationWriter writer() {
        return writer;
    }

    /** The ontology as RDF/XML (a copy of the cached bytes is not made: do not modify). */
    public byte[] ontologyRdfXml() {
        return ontologyRdfXml;
    }

    /** The rules for posted statements. */
    public StatementPost posts() {
        return posts;
    }

    /** The container-wide paging settings. */
    public PagingPolicy paging() {
        return paging;
    }
}
