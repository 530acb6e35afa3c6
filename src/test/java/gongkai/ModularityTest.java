package gongkai;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/** The module structure of ARCHITECTURE.md: no cycles, no reaching into another module's internal packages. */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(GongkaiApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void theFoundationModulesExist() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .contains("region", "org", "catalog", "calendar", "account", "web", "shared");
    }
}
