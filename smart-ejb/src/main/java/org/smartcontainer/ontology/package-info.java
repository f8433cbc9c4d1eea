/**
 * The SMART ontology as the product's model: data classes with their restrictions, code systems and
 * the REST calls (routing, filters, paging) they declare, plus an ontology-driven validator for
 * patient data. The ontology file we ship is {@code smart-ontology.ttl} next to these classes.
 */
package org.smartcontainer.ontology;
