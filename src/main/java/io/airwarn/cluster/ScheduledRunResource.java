package io.airwarn.cluster;

import io.airwarn.core.ApiException;
import io.airwarn.core.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/scheduled-runs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
public class ScheduledRunResource {

    private static final Set<String> JOBS = Set.of(ScheduledRuns.FORECAST_JOB, ScheduledRuns.REMINDER_JOB,
            ScheduledRuns.ESCALATION_JOB, ScheduledRuns.DISPATCH_JOB, ScheduledRuns.COMPLIANCE_JOB);

    private final ScheduledRuns runs;

    public ScheduledRunResource(ScheduledRuns runs) {
        this.runs = runs;
    }

    @GET
    @Operation(summary = "The latest scheduled forecast runs and warning reminders, with the node that ran each",
            description = "Newest first. A run without finishedAt belongs to a node that died during it (or is "
                    + "running now); the cluster runs it again on another node.")
    public Uni<List<ScheduledRuns.Run>> latest(@RestQuery String job, @RestQuery Integer limit) {
        if (job != null && !JOBS.contains(job)) {
            throw ApiException.badRequest("invalid_job", "job must be one of " + JOBS.stream().sorted().toList());
        }
        int n = limit == null ? 50 : limit;
        if (n < 1 || n > 1000) {
            throw ApiException.badRequest("invalid_limit", "limit must be between 1 and 1000");
        }
        return runs.latest(job, n);
    }
}
