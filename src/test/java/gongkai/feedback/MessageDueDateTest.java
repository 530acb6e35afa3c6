package gongkai.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import gongkai.shared.Actor;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.MovableClock;
import gongkai.support.PlatformTest;

/**
 * A question's due date counts working days of the official calendar (the 2026 Spring Festival: 15–23 February off,
 * Saturday 14 February a working day), and a body's count of answers on time follows it.
 */
@PlatformTest
@Import(MovableClock.Config.class)
class MessageDueDateTest {

    static final String ORG = "ycswjw";

    @Autowired
    Messages messages;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    final Actor editor = Acting.actor(ORG, Role.EDITOR);
    final Actor reviewer = Acting.actor(ORG, Role.REVIEWER);

    @AfterEach
    void reset() {
        clock.reset();
    }

    MessageReceipt askOn(LocalDate day, String subject) {
        clock.setDate(day);
        return MessagesTest.fromNewAddress(() -> messages.ask(new NewMessage(ORG, subject, "MD：问题", "MD",
                "13907951234", null, false)));
    }

    void releaseOn(MessageReceipt r, LocalDate day) {
        long id = jdbc.queryForObject("SELECT id FROM message WHERE tracking_no = ?", Long.class, r.trackingNo());
        clock.setDate(day);
        messages.answer(id, "MD：答复", editor);
        messages.review(id, "PUBLISH", null, reviewer);
    }

    @Test
    void aQuestionAskedBeforeTheSpringFestivalIsDueFiveWorkingDaysLaterCountingTheHolidayOut() {
        MessageReceipt r = askOn(LocalDate.of(2026, 2, 13), "MD春节");
        // 14 Feb (a Saturday worked in lieu), then 24, 25, 26, 27 Feb: the holiday 15–23 Feb does not count.
        assertThat(r.dueOn()).isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(r.dueCovered()).isTrue();
        assertThat(r.trackingNo()).startsWith("LY2026-");
        MessageReceipt plain = askOn(LocalDate.of(2026, 3, 6), "MD平常");
        assertThat(plain.dueOn()).isEqualTo(LocalDate.of(2026, 3, 13));
    }

    @Test
    void anAnswerReleasedOnItsDueDateIsOnTimeAndOneReleasedAfterIsNot() {
        MessageCounts before = counts();
        MessageReceipt onTime = askOn(LocalDate.of(2026, 2, 12), "MD按期");
        MessageReceipt late = askOn(LocalDate.of(2026, 2, 12), "MD逾期");
        assertThat(onTime.dueOn()).isEqualTo(LocalDate.of(2026, 2, 26));
        releaseOn(onTime, LocalDate.of(2026, 2, 26));
        releaseOn(late, LocalDate.of(2026, 2, 27));
        MessageCounts after = counts();
        assertThat(after.received() - before.received()).isEqualTo(2);
        assertThat(after.answered() - before.answered()).isEqualTo(2);
        assertThat(after.answeredOnTime() - before.answeredOnTime()).isEqualTo(1);
    }

    private MessageCounts counts() {
        return messages.counts().stream().filter(c -> c.orgCode().equals(ORG)).findFirst()
                .orElse(new MessageCounts(ORG, ORG, 0, 0, 0));
    }
}
