/** Portal settings that administrators change at run time (stored in the database, not in the server configuration). */
package org.smartcontainer.settings;
