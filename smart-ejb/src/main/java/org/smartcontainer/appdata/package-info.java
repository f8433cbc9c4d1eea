/**
 * Opaque per-app storage of the SMART API (api.md section 5): the scratchpad of an app on a record
 * ({@link org.smartcontainer.appdata.ScratchpadData}) and an app's preferences for a user
 * ({@link org.smartcontainer.appdata.UserPreferences}), read and written through
 * {@link org.smartcontainer.appdata.AppDataStore}.
 */
package org.smartcontainer.appdata;
