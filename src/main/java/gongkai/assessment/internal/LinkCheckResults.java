package gongkai.assessment.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The last website self-inspection of each body's pages: the links that did not open. */
@Component
public class LinkCheckResults {

    private final JdbcTemplate jdbc;

    LinkCheckResults(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The broken links found on the body's pages, as {@code link（on page, status）}. */
    public List<String> brokenOn(String org) {
        return jdbc.query("SELECT page, link, status FROM website_link_check WHERE org_code = ? ORDER BY id",
                (rs, i) -> rs.getString("link") + "（在 " + rs.getString("page") + "，"
                        + (rs.getInt("status") == 0 ? "无法连接" : "HTTP " + rs.getInt("status")) + "）",
                org);
    }

    public record Broken(String page, String link, int status) {
    }

    /** When the body's pages were last checked and how many were read. */
    public record Run(LocalDate checkedOn, int pages) {
    }

    public java.util.Optional<Run> lastRun(String org) {
        return jdbc.query("SELECT checked_on, pages FROM website_check_run WHERE org_code = ?",
                (rs, i) -> new Run(rs.getObject(1, LocalDate.class), rs.getInt(2)), org).stream().findFirst();
    }

    /** Replaces a body's result with the check of today. */
    @Transactional
    public void replace(String org, int pages, List<Broken> broken, LocalDate on) {
        jdbc.update("DELETE FROM website_check_run WHERE org_code = ?", org);
        jdbc.update("INSERT INTO website_check_run (org_code, checked_on, pages) VALUES (?, ?, ?)", org, on, pages);
        jdbc.update("DELETE FROM website_link_check WHERE org_code = ?", org);
        for (Broken b : broken) {
            jdbc.update("INSERT INTO website_link_check (org_code, page, link, status, checked_on) VALUES (?,?,?,?,?)",
                    org, cut(b.page()), cut(b.link()), b.status(), on);
        }
    }

    private static String cut(String s) {
        return s.length() > 1000 ? s.substring(0, 1000) : s;
    }
}
