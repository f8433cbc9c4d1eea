/**
 * Writing record data through the API ({@code POST .../clinical_notes/}, api.md section 10): what a posted
 * graph may contain ({@link org.smartcontainer.records.write.StatementPost}) before the record store mints its
 * URIs and adds it to the record.
 */
package org.smartcontainer.records.write;
