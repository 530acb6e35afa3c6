package gongkai.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import gongkai.catalog.Catalog;
import gongkai.support.PlatformTest;

/**
 * The catalogue read while the node was still starting is not kept once the reference loader has written its rows:
 * a demo installation asked for a page during start-up once found no item at all and failed to start.
 */
@PlatformTest
class CatalogReferenceLoaderTest {

    @Autowired
    Catalog catalog;
    @Autowired
    CatalogReferenceLoader loader;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSnapshotTakenBeforeTheLoaderRanIsForgottenWhenItHasRun() {
        String name = catalog.requireItem("en-soil").name();
        // The database changes under the snapshot, as it does when the loader writes catalog.yaml's rows.
        jdbc.update("UPDATE catalog_item SET name = ? WHERE code = 'en-soil'", name + "（测试）");
        try {
            assertThat(catalog.requireItem("en-soil").name()).as("still the snapshot").isEqualTo(name);
            loader.run(null);
            assertThat(catalog.requireItem("en-soil").name()).isEqualTo(name + "（测试）");
        } finally {
            jdbc.update("UPDATE catalog_item SET name = ? WHERE code = 'en-soil'", name);
            loader.run(null);
        }
        assertThat(catalog.requireItem("en-soil").name()).isEqualTo(name);
    }
}
