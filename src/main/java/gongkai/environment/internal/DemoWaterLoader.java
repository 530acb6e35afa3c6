package gongkai.environment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import gongkai.environment.WaterQualityData;
import gongkai.shared.Actor;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.Role;

/**
 * With the demo profile, registers fictitious surface-water sections and drinking-water sources (示例数据: twelve
 * sections over six counties, three of them lakes or reservoirs, three worse than class III; six sources, one of
 * them groundwater) and takes in a sample a month of each for the last twelve full months through the same imports as
 * a clerk's upload, one source over the 铁 limit last month, so that the water pages and drafts show something.
 */
@Component
@Order(241)
class DemoWaterLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoWaterLoader.class);
    private static final String SURFACE_COLUMNS = "ph,do,codmn,cod,bod5,nh3n,tp,tn,cu,zn,f,se,as,hg,cd,cr6,pb,cn,phenol,"
            + "petroleum,las,sulfide,fecalColiform";
    /** A class II river: the values of {@link #SURFACE_COLUMNS}, "L" below the detection limit. */
    private static final String[] GOOD = { "7.4", "7.2", "2.8", "11", "2.1", "0.28", "0.07", "0.9", "0.004", "0.02",
            "0.31", "0.0004L", "0.0021", "0.00002", "0.0004", "0.004L", "0.004", "0.001L", "0.0003L", "0.02", "0.05L",
            "0.005L", "1600" };

    /** code, name, region, body, and the factors on codmn, nh3n and tp that make it worse (1 = class II). */
    private record DemoSection(String code, String name, String region, String body, double codmn, double nh3n,
            double tp) {
    }

    private static final List<DemoSection> SECTIONS = List.of(
            new DemoSection("DEMO-W01", "青溪河上游断面（示例）", "360902", "river", 1, 1, 1),
            new DemoSection("DEMO-W02", "青溪河城区断面（示例）", "360902", "river", 1.6, 2.6, 2.0),
            new DemoSection("DEMO-W03", "青溪河出境断面（示例）", "360902", "river", 2.2, 8.0, 4.3),
            new DemoSection("DEMO-W04", "白鹭湖湖心（示例）", "360902", "lake", 1, 1, 0.5),
            new DemoSection("DEMO-W05", "石门水库坝前（示例）", "360902", "lake", 0.8, 0.6, 0.4),
            new DemoSection("DEMO-W06", "松溪河入境断面（示例）", "360921", "river", 1, 1, 1),
            new DemoSection("DEMO-W07", "松溪河出境断面（示例）", "360921", "river", 1.2, 1.5, 1.3),
            new DemoSection("DEMO-W08", "竹源河断面（示例）", "360922", "river", 1, 0.8, 0.9),
            new DemoSection("DEMO-W09", "云峰水库（示例）", "360925", "lake", 0.9, 0.7, 0.6),
            new DemoSection("DEMO-W10", "杉溪河断面（示例）", "360981", "river", 2.5, 6.0, 3.2),
            new DemoSection("DEMO-W11", "芦塘河断面（示例）", "360981", "river", 1.1, 4.5, 1.1),
            new DemoSection("DEMO-W12", "桃源河断面（示例）", "360983", "river", 1, 1, 1));

    private record DemoSource(String code, String name, String region, String kind, double volume) {
    }

    private static final List<DemoSource> SOURCES = List.of(
            new DemoSource("DEMO-S01", "青溪河第一水厂取水口（示例）", "360902", "river", 310),
            new DemoSource("DEMO-S02", "石门水库水源地（示例）", "360902", "lake", 220),
            new DemoSource("DEMO-S03", "松溪河水源地（示例）", "360921", "river", 65),
            new DemoSource("DEMO-S04", "云峰水库水源地（示例）", "360925", "lake", 40),
            new DemoSource("DEMO-S05", "杉溪河水源地（示例）", "360981", "river", 120),
            new DemoSource("DEMO-S06", "城北地下水水源地（示例）", "360983", "groundwater", 28));

    private final GongkaiProperties properties;
    private final WaterQualityData data;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoWaterLoader(GongkaiProperties properties, WaterQualityData data, JdbcTemplate jdbc, Clock clock) {
        this.properties = properties;
        this.data = data;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo() || jdbc.queryForObject("SELECT COUNT(*) FROM water_section", Integer.class) > 0) {
            return;
        }
        Actor clerk = new Actor("示例信息员", "ycshbj", EnumSet.of(Role.EDITOR), false);
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        YearMonth first = last.minusMonths(11);
        Random random = new Random(3838);
        StringBuilder surface = new StringBuilder("sampledOn,sectionCode," + SURFACE_COLUMNS + "\n");
        StringBuilder drinking = new StringBuilder("sampledOn,sourceCode,volume,ph,do,codmn,bod5,nh3n,tp,tn,cu,zn,f,"
                + "as,hg,cd,cr6,pb,cn,phenol,petroleum,so4,cl,no3n,fe,mn\n");
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            LocalDate day = m.atDay(10);
            for (DemoSection s : SECTIONS) {
                surface.append(day).append(',').append(s.code());
                for (int i = 0; i < GOOD.length; i++) {
                    String v = GOOD[i];
                    double factor = i == 2 ? s.codmn() : i == 5 ? s.nh3n() : i == 6 ? s.tp() : 1;
                    if (i == 3) {
                        factor = Math.max(1, s.codmn() * 0.9);
                    }
                    surface.append(',').append(vary(v, factor, random));
                }
                surface.append('\n');
            }
            for (DemoSource s : SOURCES) {
                boolean ground = s.kind().equals("groundwater");
                // 杉溪河水源地 takes in iron-rich water last month: 铁 over its limit of 0.3 mg/L.
                String fe = s.code().equals("DEMO-S05") && m.equals(last) ? "0.46" : "0.08";
                drinking.append(day).append(',').append(s.code()).append(',')
                        .append(BigDecimal.valueOf(s.volume() * (0.9 + random.nextDouble() * 0.2)).setScale(1,
                                RoundingMode.HALF_EVEN).toPlainString());
                String[] values = ground
                        ? new String[] { "7.1", "", "1.2", "", "0.05", "", "", "0.002", "0.01", "0.2", "0.001L",
                                "0.00002", "0.0002", "0.004L", "0.002", "0.001L", "0.0003L", "", "18", "12", "2.1",
                                "0.05", "0.02" }
                        : new String[] { "7.3", "7.6", "2.1", "1.8", "0.18", "0.04", "0.8", "0.003", "0.01", "0.25",
                                "0.001", "0.00002", "0.0003", "0.004L", "0.003", "0.001L", "0.0003L", "0.01L", "21",
                                "9", "0.9", fe, "0.03" };
                for (String v : values) {
                    drinking.append(',').append(v.isEmpty() || v.endsWith("L") ? v : vary(v, 1, random));
                }
                drinking.append('\n');
            }
        }
        Actor.callAs(clerk, () -> {
            SECTIONS.forEach(s -> data.addSection(s.code(), s.name(), s.region(), s.body(), clerk));
            SOURCES.forEach(s -> data.addSource(s.code(), s.name(), s.region(), s.kind(), clerk));
            data.importSamplesCsv(surface.toString().getBytes(StandardCharsets.UTF_8), clerk);
            return data.importDrinkingSamplesCsv(drinking.toString().getBytes(StandardCharsets.UTF_8), clerk);
        });
        log.info("Demo: {} water sections and {} drinking-water sources with monthly samples from {} to {} (示例数据)",
                SECTIONS.size(), SOURCES.size(), first, last);
    }

    /** The value times the factor, give or take 5 %, to the same number of significant digits; "L" values as given. */
    private static String vary(String value, double factor, Random random) {
        if (value.endsWith("L") && factor == 1) {
            return value;
        }
        BigDecimal v = new BigDecimal(value.endsWith("L") ? value.substring(0, value.length() - 1) : value);
        double x = v.doubleValue() * factor * (0.95 + random.nextDouble() * 0.1);
        int scale = Math.max(v.scale(), 1) + 1;
        return BigDecimal.valueOf(x).setScale(scale, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
