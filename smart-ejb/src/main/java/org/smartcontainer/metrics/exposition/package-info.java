/**
 * What an operator's Prometheus scrapes: the recorded metrics plus the container's state read at scrape time
 * (audit backlog and dead letters, response cache, record count). Sits above the packages it reads; the
 * admin API serves it behind the admin role.
 */
package org.smartcontainer.metrics.exposition;
