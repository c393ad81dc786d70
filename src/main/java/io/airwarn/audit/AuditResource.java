package io.airwarn.audit;

import io.airwarn.core.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.APPROVER, Roles.COMMANDER})
public class AuditResource {

    /** The result of checking the chain. */
    public record Verification(boolean intact, long records, Long firstBrokenSeq, String problem) {
    }

    private final AuditLog log;

    public AuditResource(AuditLog log) {
        this.log = log;
    }

    @GET
    @Operation(summary = "The audit trail (admin, approver, commander)")
    public Uni<List<AuditRecord>> list() {
        return log.all();
    }

    @GET
    @Path("/verify")
    @Operation(summary = "Check the hash chain", description = "Reports the first broken link: a changed, missing "
            + "or inserted record.")
    public Uni<Verification> verify() {
        return log.all().map(records -> log.verify(records)
                .map(b -> new Verification(false, records.size(), b.seq(), b.problem()))
                .orElse(new Verification(true, records.size(), null, null)));
    }
}
