/**
 * Patient records: the {@link org.smartcontainer.records.RecordStore} SPI, its RDF4J native store
 * ({@link org.smartcontainer.records.NativeStoreRecords}, wrapped by the
 * {@link org.smartcontainer.records.ConfiguredRecordStore} EJB), the import pipeline that mints URIs and
 * segregates statements into named graphs ({@link org.smartcontainer.records.PatientImport},
 * {@link org.smartcontainer.records.RecordUris}), record search and the administration.
 */
package org.smartcontainer.records;
