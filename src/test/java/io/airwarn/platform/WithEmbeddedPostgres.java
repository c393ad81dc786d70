package io.airwarn.platform;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the embedded PostgreSQL for every @QuarkusTest of the suite (one server, one Quarkus start). */
@QuarkusTestResource(EmbeddedPostgresResource.class)
public final class WithEmbeddedPostgres {
    private WithEmbeddedPostgres() {
    }
}
