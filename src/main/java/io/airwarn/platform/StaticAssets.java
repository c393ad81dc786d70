package io.airwarn.platform;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stylesheet and scripts under {@code /static/} are linked with a version, the first characters of their
 * content's SHA-256 ({@code /static/airwarn.css?v=3f2a9c01d4}, see {@link AssetLinks}); the webjars' paths carry the
 * library's version. A browser may keep such a URL for a year without asking again: a change of content is a new
 * URL. A {@code /static/} file asked for without its current version must be revalidated on every use
 * ({@code no-cache}, answered with 304 while unchanged). The versions are computed once at startup, off the event
 * loop; the files' bodies are compressed by Quarkus (quarkus.http.enable-compression).
 */
@ApplicationScoped
public class StaticAssets {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";
    private static final String ROOT = "META-INF/resources";
    /** The files the pages link; others get their version when first linked. */
    private static final List<String> LINKED = List.of("/static/airwarn.css", "/static/public.js",
            "/static/console.js");
    private static final Map<String, Optional<String>> VERSIONS = new ConcurrentHashMap<>();

    void install(@Observes Router router) {
        LINKED.forEach(StaticAssets::version);
        router.route().order(Integer.MIN_VALUE + 21).handler(rc -> {
            String path = rc.normalizedPath();
            if ((path.startsWith("/static/") || path.startsWith("/webjars/"))
                    && (rc.request().method() == HttpMethod.GET || rc.request().method() == HttpMethod.HEAD)) {
                rc.addHeadersEndHandler(ignored -> cacheControl(rc, path));
            }
            rc.next();
        });
    }

    private static void cacheControl(RoutingContext rc, String path) {
        int status = rc.response().getStatusCode();
        if (status != 200 && status != 304 && status != 206) {
            return;
        }
        boolean versioned = path.startsWith("/webjars/")
                || version(path).filter(v -> rc.queryParam("v").contains(v)).isPresent();
        rc.response().headers().set("Cache-Control", versioned ? IMMUTABLE : REVALIDATE);
    }

    /** The file's version, the first 10 hex digits of its content's SHA-256; empty if there is no such file. */
    static Optional<String> version(String path) {
        return VERSIONS.computeIfAbsent(path, StaticAssets::digest);
    }

    private static Optional<String> digest(String path) {
        if (path.contains("..")) {
            return Optional.empty();
        }
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(ROOT + path)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            return Optional.of(HexFormat.of().formatHex(hash, 0, 5));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ROOT + path, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
