package gongkai.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnsafeCharactersTest {

    @Test
    void tabsLineBreaksChineseAndSurrogatePairsAreFine() {
        String fine = "第一行\t制表\r\n第二行 😀 𠮷 full－width ÿ \u007f \u0085 \ufffd";
        assertThat(UnsafeCharacters.find(fine)).isEqualTo(-1);
        assertThat(UnsafeCharacters.strip(fine)).isSameAs(fine);
        assertThat(UnsafeCharacters.complaint("title", fine)).isNull();
        assertThat(UnsafeCharacters.find(null)).isEqualTo(-1);
    }

    @Test
    void controlCharactersUnpairedSurrogatesAndNoncharactersAreFound() {
        for (char c = 0; c < 0x20; c++) {
            boolean allowed = c == '\t' || c == '\n' || c == '\r';
            assertThat(UnsafeCharacters.find("ab" + c)).as("U+%04X", (int) c).isEqualTo(allowed ? -1 : 2);
        }
        assertThat(UnsafeCharacters.find("a\uD800b")).isEqualTo(1);
        assertThat(UnsafeCharacters.find("a\uDC00b")).isEqualTo(1);
        assertThat(UnsafeCharacters.find("a\uDC00\uD800")).isEqualTo(1);
        assertThat(UnsafeCharacters.find("😀\uD83D")).isEqualTo(2);
        assertThat(UnsafeCharacters.find("a\uFFFE")).isEqualTo(1);
        assertThat(UnsafeCharacters.find("a\uFFFF")).isEqualTo(1);
    }

    @Test
    void strippingKeepsEverythingElseInOrder() {
        assertThat(UnsafeCharacters.strip("\u0000标\u0001题\uD800😀\uDC00\u001b例\uFFFE\uFFFF\t完"))
                .isEqualTo("标题😀例\t完");
    }

    @Test
    void theComplaintNamesTheFieldTheCharacterAndWhereItIs() {
        assertThat(UnsafeCharacters.complaint("description", "😀申请\u0000内容").message())
                .isEqualTo("“description”第4个字符是控制字符 U+0000，无法保存或显示，请删除后重新提交。");
        assertThat(UnsafeCharacters.complaint("title", "标题\uDC00").message()).contains("第3个字符是不成对的代理字符 U+DC00");
        assertThat(UnsafeCharacters.complaint("title", "标题\uFFFF").field()).isEqualTo("title");
    }
}
