package gongkai.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** The persistence contract on PostgreSQL, in a database made for this class and dropped after. */
@Tag("postgres")
class PostgresReferenceDataTest extends ReferenceDataContract {

    private static PostgresTestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = PostgresTestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Override
    protected String[] database() {
        return new String[] {db.url(), db.user(), db.password()};
    }
}
