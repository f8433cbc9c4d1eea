/**
 * Response representations of RDF graphs (api.md section 1.3): content negotiation ({@link
 * org.smartcontainer.api.representation.RdfMediaType#negotiate}), the single writer of graphs as RDF/XML
 * (default), Turtle, JSON-LD compacted with the SMART context built from the ontology, and N-Triples ({@link
 * org.smartcontainer.api.representation.RepresentationWriter}), and the value resources return ({@link
 * org.smartcontainer.api.representation.RdfRepresentation}, the body of an answer).
 */
package org.smartcontainer.api.representation;
