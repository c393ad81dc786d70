package io.airwarn.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCatalogTest {

    @TempDir
    Path temp;

    private static PlanFolders.Checked check(Path folder) {
        PlanSource source = PlanReader.read(folder);
        return new PlanFolders.Checked(source, PlanValidator.validate(source,
                c -> SmallPlan.CITIES.find(c).isPresent(), SmallPlan.NATIONAL));
    }

    @Test
    void anInvalidPlanNeverReplacesTheLastValidOne() throws IOException {
        Path folder = SmallPlan.copyTo(temp);
        PlanFolders.Checked good = check(folder);
        PlanCatalog catalog = new PlanCatalog().with(List.of(good), Map.of(good.report().checksum(), 7L));
        assertEquals(7L, catalog.plan("220300").orElseThrow().versionId());

        SmallPlan.replace(folder.resolve("plan.yaml"), "version: \"test-1\"", "version: \"test-2\"\nbroken: yes");
        PlanFolders.Checked bad = check(folder);
        assertFalse(bad.report().valid());
        PlanCatalog after = catalog.with(List.of(bad), Map.of());
        assertEquals("test-1", after.plan("220300").orElseThrow().plan().version(), "the valid version stays");
        PlanReport shown = after.reports().get(0);
        assertFalse(shown.valid(), "the refused version's report is what the API shows");
        assertTrue(shown.problems().stream().anyMatch(p -> "broken".equals(p.field())));
    }
}
