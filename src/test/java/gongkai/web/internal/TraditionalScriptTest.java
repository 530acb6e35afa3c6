package gongkai.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Traditional view's converter: every word of {@code hant/word-list.tsv} (words this site uses, with the forms a
 * Traditional reader expects) comes out as listed; the Traditional bundle has every key and no Simplified form left;
 * and in a page only what people read changes.
 */
class TraditionalScriptTest {

    @Test
    void everyWordOfTheListConvertsAsExpected() throws IOException {
        List<String> wrong = new ArrayList<>();
        int words = 0;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("hant/word-list.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] pair = line.split("\t");
                assertThat(pair).as("simplified<TAB>traditional: " + line).hasSize(2);
                words++;
                String got = TraditionalScript.of(pair[0]);
                if (!got.equals(pair[1].strip())) {
                    wrong.add(pair[0] + " → " + got + " (expected " + pair[1] + ")");
                }
            }
        }
        assertThat(words).isGreaterThanOrEqualTo(80);
        assertThat(wrong).isEmpty();
    }

    @Test
    void wordsConvertTheSameInsideASentence() {
        assertThat(TraditionalScript.of("现将统一发布的资金发放名单公示如下，请于5日内答复。"))
                .isEqualTo("現將統一發布的資金發放名單公示如下，請於5日內答覆。");
        assertThat(TraditionalScript.of("ABC-2026/001 黄*平 sha256:ab12")).isEqualTo("ABC-2026/001 黃*平 sha256:ab12");
    }

    @Test
    void theTraditionalBundleHasEveryKeyAndNoSimplifiedFormLeft() throws IOException {
        Properties simplified = bundle("messages.properties");
        Properties traditional = bundle("messages_zh_Hant.properties");
        assertThat(traditional.stringPropertyNames()).isEqualTo(simplified.stringPropertyNames());
        for (String key : traditional.stringPropertyNames()) {
            String value = traditional.getProperty(key);
            assertThat(TraditionalScript.of(value)).as(key).isEqualTo(value);
            assertThat(value).as(key).isEqualTo(TraditionalScript.of(simplified.getProperty(key)));
        }
    }

    @Test
    void aPageConvertsOnlyWhatPeopleRead() {
        String page = "<!DOCTYPE html><html lang=\"zh-Hant\"><head><title>信息发布</title>"
                + "<script>var t = '发布';</script><style>.x::after { content: '发'; }</style></head><body>"
                + "<!-- 发布 --><a href=\"/search?q=发布\" id=\"发布\" class=\"发布\" title=\"发布信息\">后台</a>"
                + "<img src=\"/img/发.png\" alt=\"图解\"><input type=\"submit\" value=\"发布\">"
                + "<input name=\"q\" value=\"发布\" placeholder=\"查找发布\"><button name=\"d\" value=\"通过\">通过</button>"
                + "<textarea name=\"body\">发布的正文</textarea><select><option>城乡低保</option>"
                + "<option value=\"TEKUN\">特困</option></select><td data-label=\"发放金额\">1 &lt; 2</td>"
                + "<a translate=\"no\" lang=\"zh-Hans\" href=\"/p\">简体<span>简体</span></a><p>这里 发</p></body></html>";
        assertThat(TraditionalHtml.of(page)).isEqualTo("<!DOCTYPE html><html lang=\"zh-Hant\"><head><title>信息發布</title>"
                + "<script>var t = '发布';</script><style>.x::after { content: '发'; }</style></head><body>"
                + "<!-- 发布 --><a href=\"/search?q=发布\" id=\"发布\" class=\"发布\" title=\"發布信息\">後台</a>"
                + "<img src=\"/img/发.png\" alt=\"圖解\"><input type=\"submit\" value=\"發布\">"
                + "<input name=\"q\" value=\"发布\" placeholder=\"查找發布\"><button name=\"d\" value=\"通过\">通過</button>"
                + "<textarea name=\"body\">发布的正文</textarea><select><option value=\"城乡低保\">城鄉低保</option>"
                + "<option value=\"TEKUN\">特困</option></select><td data-label=\"發放金額\">1 &lt; 2</td>"
                + "<a translate=\"no\" lang=\"zh-Hans\" href=\"/p\">简体<span>简体</span></a><p>這裡 發</p></body></html>");
    }

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TraditionalScriptTest.class.getClassLoader().getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
