package gongkai.support;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The persistence contract on PostgreSQL, in a database made for this class and dropped after. */
@Tag("postgres")
class PostgresReferenceDataTest extends ReferenceDataContract {

    @RegisterExtension
    static final PostgresTestDatabase db = new PostgresTestDatabase();

    @Override
    protected String[] database() {
        return new String[] {db.url(), db.user(), db.password()};
    }
}
