package io.airwarn.platform;

import io.quarkus.qute.TemplateExtension;

/**
 * Links to the stylesheet and scripts with their content version, so browsers may cache them for a year
 * ({@link StaticAssets}): {@code {asset:url('/static/airwarn.css')}} is {@code /static/airwarn.css?v=3f2a9c01d4}.
 * Paths without a file of that name (and the webjars, whose path names the version) are linked as they are.
 */
@TemplateExtension(namespace = "asset")
public final class AssetLinks {

    private AssetLinks() {
    }

    static String url(String path) {
        if (!path.startsWith("/static/")) {
            return path;
        }
        return StaticAssets.version(path).map(v -> path + "?v=" + v).orElse(path);
    }
}
