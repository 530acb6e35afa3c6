package gongkai.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import gongkai.support.Acting;

/** The demo profile's complaints: marked 示例数据, one transferred, one substantiated that became a finding. */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
class ComplaintDemoTest {

    @Autowired
    Complaints complaints;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDemoComplaintsIncludeATransferAndOneThatBecameAFinding() {
        var lines = complaints.inbox(Acting.cityAdmin(), null, null);
        assertThat(lines).filteredOn(ComplaintLine::demo).hasSize(4)
                .allMatch(l -> l.subject().startsWith("示例"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint WHERE demo AND description NOT LIKE '示例数据%'",
                Long.class)).isZero();
        var dibao = lines.stream().filter(l -> l.subject().contains("低保名单未张榜")).findFirst().orElseThrow();
        ComplaintView v = complaints.read(dibao.trackingNo(), Acting.cityAdmin());
        assertThat(v.substantiated()).isTrue();
        assertThat(v.findingId()).isNotNull();
        assertThat(jdbc.queryForObject("SELECT c.source FROM supervision_check c JOIN supervision_finding f "
                + "ON f.check_id = c.id WHERE f.id = ?", String.class, v.findingId())).isEqualTo("COMPLAINT");
        assertThat(lines).filteredOn(ComplaintLine::demo).anyMatch(l -> l.org().equals("ycsjyj"));
    }
}
