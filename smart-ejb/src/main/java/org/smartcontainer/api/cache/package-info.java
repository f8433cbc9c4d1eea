/** The cache of serialized record-read responses, keyed by record revision. */
package org.smartcontainer.api.cache;
