package gongkai.environment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import gongkai.environment.AirMonth;

/** The record's chart is a PNG of the stated size with one bar per ranked region; saved for a person to look at. */
class RankingChartTest {

    @Test
    void aBarPerRankedRegion() throws Exception {
        List<AirMonth.Place> places = new ArrayList<>();
        String[] names = {"袁州区", "奉新县", "万载县", "上高县", "宜丰县", "靖安县", "铜鼓县", "丰城市", "樟树市", "高安市",
            "宜春经济技术开发区", "宜阳新区", "明月山温泉风景名胜区"};
        for (int i = 0; i < names.length; i++) {
            AirMonth m = new AirMonth("r" + i, names[i], YearMonth.of(2026, 3), "GB3095-2026", Map.of(), Map.of(), Map.of(),
                    i == 6 ? null : new BigDecimal("3.2").add(BigDecimal.valueOf(i, 1)), i == 6 ? "有效监测天数不足" : null, 0,
                    0, null);
            places.add(new AirMonth.Place(m, i == 6 ? null : i + 1, null));
        }
        byte[] png = RankingChart.png("2026年3月各县（市、区）环境空气质量排名", places);
        var image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(960);
        assertThat(image.getHeight()).isEqualTo(480);
        // Twelve ranked regions share 800 px: the first bar (3.20) fills x 83–123 from the axis (y 330) up; a point
        // inside it is the bar colour, and the gap before it is white.
        assertThat(image.getRGB(100, 325) & 0xFFFFFF).isEqualTo(0x2C7FB8);
        assertThat(image.getRGB(76, 325) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve("air-ranking-chart.png"), png);
    }
}
