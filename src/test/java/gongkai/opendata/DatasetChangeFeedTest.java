package gongkai.opendata;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriUtils;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;

import gongkai.publishing.Drafting;
import gongkai.publishing.Publishing;
import gongkai.shared.PublicAddress;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Atom feeds of dataset changes, read as a feed reader would (ROME): a publication, a correction and a withdrawal
 * show.
 */
@PlatformTest
class DatasetChangeFeedTest {

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();

    @Autowired
    MockMvc mvc;
    @Autowired
    Publishing publishing;
    @Autowired
    Drafting drafting;
    @Autowired
    PublicAddress site;

    @Test
    void aPublicationACorrectionAndAWithdrawalAreEntriesOfTheDatasetsFeedAndOfTheFeedOfAll() throws Exception {
        Staff yfxzf = Staff.of("yfxzf");
        String title = "宜丰县2026年第三季度救助款物管理使用情况（订阅测试）";
        String indexNo = review.publish(yfxzf, OpenDataFixture.funds("yfxzf", "360924", title));
        String recordLink = site.link("/records/" + UriUtils.encodePathSegment(indexNo, StandardCharsets.UTF_8));
        String datasetLink = site.link("/data/sa-funds-yfxzf");

        Feed feed = feed("/data/sa-funds-yfxzf/changes.atom");
        assertThat(feed.getId()).isEqualTo(site.link("/data/sa-funds-yfxzf/changes.atom"));
        assertThat(feed.getTitle()).contains("救助款物管理使用情况", "宜丰县人民政府");
        assertThat(feed.getEntries()).hasSize(1);
        Entry published = feed.getEntries().get(0);
        assertThat(published.getTitle()).isEqualTo("新增：" + title);
        assertThat(href(published.getAlternateLinks())).containsExactly(recordLink);
        assertThat(href(published.getOtherLinks())).containsExactly(datasetLink);
        assertThat(published.getSummary().getValue()).contains("2 行", indexNo);
        assertThat(feed.getUpdated()).isEqualTo(published.getUpdated());

        String corrected = title.replace("订阅测试", "订阅测试，更正");
        as(yfxzf.editor(), () -> publishing.revise(indexNo));
        as(yfxzf.editor(), () -> drafting.update(indexNo, OpenDataFixture.funds("yfxzf", "360924", corrected)));
        review.pass(yfxzf, indexNo);
        feed = feed("/data/sa-funds-yfxzf/changes.atom");
        assertThat(feed.getEntries()).extracting(Entry::getTitle).containsExactly("更正：" + corrected, "新增：" + title);
        assertThat(feed.getEntries().get(0).getSummary().getValue()).contains("第 2 版", "2 行");

        as(yfxzf.approver(), () -> publishing.withdraw(indexNo, "数据有误，重新核对"));
        feed = feed("/data/sa-funds-yfxzf/changes.atom");
        // Newest first; the dataset has no rows left but keeps its feed.
        assertThat(feed.getEntries()).extracting(Entry::getTitle)
                .containsExactly("撤回：" + corrected, "更正：" + corrected, "新增：" + title);
        Entry withdrawn = feed.getEntries().get(0);
        assertThat(href(withdrawn.getAlternateLinks())).containsExactly(recordLink);
        assertThat(withdrawn.getSummary().getValue()).contains("撤回", indexNo);
        assertThat(feed.getEntries()).extracting(Entry::getId).doesNotHaveDuplicates();
        assertThat(feed.getUpdated()).isAfterOrEqualTo(published.getUpdated()).isEqualTo(withdrawn.getUpdated());

        Feed all = feed("/data/changes.atom");
        assertThat(all.getId()).isEqualTo(site.link("/data/changes.atom"));
        assertThat(all.getEntries()).extracting(Entry::getTitle).contains("撤回：" + corrected, "新增：" + title);
        assertThat(all.getEntries()).filteredOn(e -> e.getTitle().contains("订阅测试"))
                .allSatisfy(e -> assertThat(e.getAuthors().get(0).getName()).isEqualTo("宜丰县人民政府"));
    }

    @Test
    void linksNameTheConfiguredAddressNeverTheRequestsHost() throws Exception {
        review.publish(Staff.of("fcszf"), OpenDataFixture.funds("fcszf", "360981", "丰城市2026年第三季度救助款物（地址测试）"));
        for (String path : List.of("/data/changes.atom", "/data/sa-funds-fcszf/changes.atom")) {
            String xml = mvc.perform(get(path).header("Host", "evil.example").header("X-Forwarded-Host",
                    "evil.example")).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(xml).contains(site.link("/data/sa-funds-fcszf")).doesNotContain("evil.example");
        }
    }

    @Test
    void anUnknownDatasetIsNotFoundWithAMessage() throws Exception {
        mvc.perform(get("/data/no-such-dataset/changes.atom")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("没有名为“no-such-dataset”的数据集")));
    }

    private Feed feed(String path) throws Exception {
        String xml = mvc.perform(get(path)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/atom+xml")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return (Feed) new WireFeedInput().build(new StringReader(xml));
    }

    private static List<String> href(List<Link> links) {
        return links.stream().map(Link::getHref).toList();
    }
}
