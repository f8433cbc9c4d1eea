package org.smartcontainer.apps;

/**
 * Registration-time choices that are not manifest fields (the reference loader's parameters).
 *
 * @param secret a consumer secret chosen by the administrator, or null to generate one
 * @param enabledByDefault whether accounts without their own choice have the app enabled
 * @param overrideIndex replaces the manifest's {@code index}, or null
 * @param overrideIcon replaces the manifest's {@code icon}, or null
 */
public record InstallOptions(String secret, boolean enabledByDefault, String overrideIndex, String overrideIcon) {

    /** Generated secret, not enabled by default, manifest URLs as they are. */
    public static InstallOptions defaults() {
        return new InstallOptions(null, false, null, null);
    }

    @Override
    public String toString() {
        return "InstallOptions[enabledByDefault=" + enabledByDefault + "]";
    }
}
