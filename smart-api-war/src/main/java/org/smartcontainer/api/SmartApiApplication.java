package org.smartcontainer.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The SMART REST API, mounted at the root of this module's context ({@code /api} by default). */
@ApplicationPath("/")
public class SmartApiApplication extends Application {
}
