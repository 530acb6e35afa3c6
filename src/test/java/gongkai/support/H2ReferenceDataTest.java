package gongkai.support;

/** The persistence contract on the embedded default: H2 in file mode under the data folder. */
class H2ReferenceDataTest extends ReferenceDataContract {

    @Override
    protected String[] database() {
        return new String[] {"jdbc:h2:file:" + dataDir.resolve("db/gongkai")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0", "sa", ""};
    }
}
