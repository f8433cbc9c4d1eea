/** The portal's branding from configuration: name, logo, colour and sign-in message, validated. */
package org.smartcontainer.ui.branding;
