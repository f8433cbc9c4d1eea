/**
 * Metrics for operators in the Prometheus text format: one registry for the application
 * ({@link org.smartcontainer.metrics.OperatorMetrics}), fed by a few hook lines where things happen (the API core,
 * OAuth refusals, record imports). Depends on no other package of the product, so every package may record.
 * The figures read at scrape time (audit backlog, response cache, record count) are bound one layer up, in
 * {@code org.smartcontainer.metrics.exposition}.
 */
package org.smartcontainer.metrics;
