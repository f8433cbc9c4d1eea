package org.smartcontainer.records;

/**
 * Where patient records live: the SPI of the record store. The embedded RDF4J native store is the
 * default implementation; a remote SPARQL store and a proxy to an existing EHR implement it too.
 */
public interface RecordStore {

    /** How many patient records the store holds. */
    long countRecords();

    /** A short description of the backend for health reports, e.g. its directory or endpoint. */
    String describe();
}
