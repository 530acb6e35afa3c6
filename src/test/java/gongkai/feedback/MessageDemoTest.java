package gongkai.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo profile's questions (示例数据): published ones across bodies, one with the asker's mobile masked, one kept
 * private at the asker's wish, one FAQ entry of a catalogue item and one still waiting for its answer.
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
class MessageDemoTest {

    @Autowired
    Messages messages;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDemoShowsPublishedPrivateMaskedFaqAndOpenQuestionsAcrossBodies() {
        var published = messages.published(null, "示例");
        assertThat(published).allMatch(PublishedMessage::demo);
        assertThat(published).extracting(PublishedMessage::orgCode).contains("ycsmzj", "ycsjyj");
        assertThat(published).allMatch(m -> m.question().contains("示例数据") && m.answer().contains("示例数据"));
        assertThat(published).noneMatch(m -> m.question().contains("13907951234"));
        assertThat(published).anyMatch(m -> m.question().contains("139****1234"));
        assertThat(messages.faq("sa-recipients")).singleElement()
                .satisfies(m -> assertThat(m.subject()).contains("低保"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE demo AND wants_private AND NOT published "
                + "AND status = 'ANSWERED'", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE demo AND status = 'RECEIVED'",
                Integer.class)).isEqualTo(1);
        assertThat(messages.counts()).anySatisfy(c -> assertThat(c.answered()).isGreaterThan(c.answeredOnTime()));
    }
}
