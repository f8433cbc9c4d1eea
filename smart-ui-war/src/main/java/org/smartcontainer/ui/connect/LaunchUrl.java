package org.smartcontainer.ui.connect;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The URL a framed app is started with: its index, {@code api_base} and, for record scope, {@code record_id}. */
public final class LaunchUrl {

    private LaunchUrl() {
    }

    /** {@code index?api_base=…&record_id=…}, with {@code &} when the index already has a query; no record for container scope. */
    public static String of(String index, String apiBase, String recordId) {
        int hash = index.indexOf('#');
        String fragment = hash < 0 ? "" : index.substring(hash);
        String base = hash < 0 ? index : index.substring(0, hash);
        StringBuilder url = new StringBuilder(base).append(base.contains("?") ? '&' : '?')
                .append("api_base=").append(encode(apiBase));
        if (recordId != null) {
            url.append("&record_id=").append(encode(recordId));
        }
        return url.append(fragment).toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
