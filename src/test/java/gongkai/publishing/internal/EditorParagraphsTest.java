package gongkai.publishing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the bundled editor writes (a block as a div, a blank line as line breaks) is stored as paragraphs. */
class EditorParagraphsTest {

    private final BodySanitizer sanitizer = new BodySanitizer();

    @Test
    void aBlankLineInTheEditorStartsAParagraph() {
        assertThat(sanitizer.sanitize("<div><strong>第三季度</strong>全县发放救助资金和物资情况如下。<br><br><br>"
                + "如有疑问，请致电县民政局。</div>"))
                .isEqualTo("<p><strong>第三季度</strong>全县发放救助资金和物资情况如下。</p><p>如有疑问&#xff0c;请致电县民政局。</p>");
    }

    @Test
    void aSingleLineBreakStaysOneAndTrailingBreaksGo() {
        assertThat(sanitizer.sanitize("<div>甲<br>乙<br><br></div>")).isEqualTo("<p>甲<br />乙</p>");
        assertThat(sanitizer.sanitize("<div><br></div>")).isEmpty();
    }

    @Test
    void blocksTheEditorDoesNotWriteAreLeftAlone() {
        String list = "<div><ul><li>一</li></ul></div>";
        assertThat(sanitizer.sanitize(list)).isEqualTo(list);
        assertThat(sanitizer.sanitize("<h2>标题</h2><div>正文</div>")).isEqualTo("<h2>标题</h2><p>正文</p>");
        assertThat(sanitizer.sanitize("<p>已有段落</p>")).isEqualTo("<p>已有段落</p>");
    }
}
