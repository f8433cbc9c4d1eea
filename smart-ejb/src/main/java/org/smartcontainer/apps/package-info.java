/**
 * The app registry: SMART app manifests, each app's OAuth consumer credentials (consumer key = manifest
 * id), which accounts have which app enabled, and the machine apps (portal, admin tooling).
 */
package org.smartcontainer.apps;
