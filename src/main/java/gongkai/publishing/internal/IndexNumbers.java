package gongkai.publishing.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 索引号: allocated at a record's first publication, never reused or changed. The default rule follows the national
 * directory guide, {@code {prefix}/{yyyy}-{nnnnn}}: the organisation's credit code (or our short code), the year of
 * publication and a serial number per organisation and year. The serial is taken under the sequence row's lock
 * inside the publishing transaction, so two publications at once never get one number, and a rolled-back
 * publication gives its number back.
 */
@Component
public class IndexNumbers {

    private static final Pattern SERIAL = Pattern.compile("\\{(n+)}");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate newTransaction;
    private final String format;

    IndexNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions,
            @Value("${gongkai.publishing.index-format:{prefix}/{yyyy}-{nnnnn}}") String format) {
        if (!format.contains("{prefix}") || !SERIAL.matcher(format).find()) {
            throw new IllegalStateException("gongkai.publishing.index-format must contain {prefix} and a serial such as "
                    + "{nnnnn}: " + format);
        }
        this.jdbc = jdbc;
        this.format = format;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The next index number for an organisation's prefix in a year; must run in the publishing transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String next(String prefix, int year) {
        ensureSequence(prefix, year);
        jdbc.update("UPDATE index_sequence SET last_value = last_value + 1 WHERE prefix = ? AND seq_year = ?",
                prefix, year);
        Integer value = jdbc.queryForObject(
                "SELECT last_value FROM index_sequence WHERE prefix = ? AND seq_year = ?", Integer.class, prefix, year);
        return format(prefix, year, value);
    }

    String format(String prefix, int year, int serial) {
        String text = format.replace("{prefix}", prefix).replace("{yyyy}", String.valueOf(year));
        Matcher m = SERIAL.matcher(text);
        return m.replaceAll(r -> String.format("%0" + r.group(1).length() + "d", serial));
    }

    /** Creates the year's row in its own transaction; a concurrent creator's row is just as good. */
    private void ensureSequence(String prefix, int year) {
        try {
            newTransaction.executeWithoutResult(s -> jdbc.update(
                    "INSERT INTO index_sequence (prefix, seq_year, last_value) SELECT ?, ?, 0 WHERE NOT EXISTS "
                            + "(SELECT 1 FROM index_sequence WHERE prefix = ? AND seq_year = ?)",
                    prefix, year, prefix, year));
        } catch (DataIntegrityViolationException raced) {
            // Another publication created it between our check and insert.
        }
    }
}
