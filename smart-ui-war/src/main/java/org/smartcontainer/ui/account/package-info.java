/** A person's own account in the portal: password change, self-registration, and the read-only showcase entry. */
package org.smartcontainer.ui.account;
