/**
 * Sample-patient generator: deterministic, plausible SMART 0.6 patients (RDF in the shape of the
 * upstream sample patients, plus document and photograph files) so that a fresh install has data and
 * benchmarks have a reproducible load. The code tables ({@link org.smartcontainer.records.generator.CodeTables})
 * hold real vocabulary codes; names, addresses and narratives are invented here.
 */
package org.smartcontainer.records.generator;
