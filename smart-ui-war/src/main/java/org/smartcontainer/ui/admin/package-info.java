/**
 * The admin pages (role admin only): users, apps, patients, audit trail, settings. Backing beans only
 * translate; the rules live in the smart-ejb services that the admin REST API uses too.
 */
package org.smartcontainer.ui.admin;
