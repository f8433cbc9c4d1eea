package org.smartcontainer.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class InputLimitsTest {

    private static Config config(Map<String, Long> values) {
        return (Config) Proxy.newProxyInstance(InputLimitsTest.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> method.getName().equals("getOptionalValue")
                        ? Optional.ofNullable(values.get((String) args[0])) : null);
    }

    @Test
    void theDocumentedDefaults() {
        assertEquals(new InputLimits(8192, 256, 4096, 64, 2048, 8192, 100, 1_048_576, 22_020_096), InputLimits.defaults());
    }

    @Test
    void eachLimitCanBeSetWithItsSmartLimitsKey() {
        InputLimits limits = InputLimits.from(config(Map.of("smart.limits.path-segment-length", 64L,
                "smart.limits.import-body-bytes", 100L << 20)));
        assertEquals(64, limits.pathSegmentLength());
        assertEquals(100L << 20, limits.importBodyBytes());
        assertEquals(InputLimits.defaults().bodyBytes(), limits.bodyBytes());
    }

    @Test
    void aLimitThatIsNotPositiveIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> InputLimits.from(config(Map.of("smart.limits.header-count", 0L))));
    }
}
