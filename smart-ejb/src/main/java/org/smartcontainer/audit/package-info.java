/**
 * The audit trail: one {@link org.smartcontainer.audit.AuditEvent} per API request that reads or writes
 * patient data (time, account, app, record, call, outcome), written by the API's authorization point and
 * queried by administrators.
 */
package org.smartcontainer.audit;
