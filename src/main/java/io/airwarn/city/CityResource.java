package io.airwarn.city;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/cities")
@Produces(MediaType.APPLICATION_JSON)
public class CityResource {

    private final Cities cities;

    public CityResource(Cities cities) {
        this.cities = cities;
    }

    @GET
    @Operation(summary = "The 12 units of Jilin Province", description = "GB/T 2260 codes; officialCode is false "
            + "for the Changbai Mountain Administrative Committee, which has none.")
    public List<City> list() {
        return cities.all();
    }
}
