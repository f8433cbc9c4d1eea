/** Logging that a failing dependency or hostile input cannot turn into a flood: rate-limited, one-line warnings. */
package org.smartcontainer.logging;
