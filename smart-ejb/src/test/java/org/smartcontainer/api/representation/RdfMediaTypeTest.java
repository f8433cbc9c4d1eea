package org.smartcontainer.api.representation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Content negotiation (api.md section 1.3): RDF/XML unless another representation is explicitly preferred. */
class RdfMediaTypeTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "'' => RDF_XML",
        "*/* => RDF_XML",
        "application/rdf+xml => RDF_XML",
        "text/turtle => TURTLE",
        "application/ld+json => JSON_LD",
        "application/n-triples => N_TRIPLES",
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 => RDF_XML",
        "application/json => RDF_XML",
        "text/turtle;q=0.5, application/ld+json => JSON_LD",
        "text/turtle, application/ld+json;q=0.9 => TURTLE",
        "text/turtle;q=0.9, */* => RDF_XML",
        "text/* => TURTLE",
        "application/rdf+xml;q=0, text/turtle;q=0.1 => TURTLE",
        "TEXT/TURTLE => TURTLE",
        "text/turtle;q=abc => RDF_XML",
        "application/ld+json, text/turtle => TURTLE"})
    void acceptHeadersChooseTheRepresentation(String accept, RdfMediaType expected) {
        assertEquals(expected, RdfMediaType.negotiate(accept));
    }

    @Test
    void noAcceptHeaderMeansRdfXml() {
        assertEquals(RdfMediaType.RDF_XML, RdfMediaType.negotiate(null));
    }

    @ParameterizedTest
    @EnumSource(RdfMediaType.class)
    void contentTypesAreBareMimeTypes(RdfMediaType type) {
        assertFalse(type.contentType().contains(";"));
        assertFalse(type.contentType().contains("charset"));
    }
}
