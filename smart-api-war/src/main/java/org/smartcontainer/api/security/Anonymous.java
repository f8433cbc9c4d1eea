package org.smartcontainer.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource that anyone may call (the container manifest, the ontology). Everything not
 * marked goes through {@link ApiAuthorization}, which refuses by default.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Anonymous {
}
