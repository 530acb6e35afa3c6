package gongkai.environment.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import gongkai.environment.PollutionSources;
import gongkai.shared.Actor;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.Role;

/**
 * With the demo profile, registers four fictitious key-pollutant enterprises (示例数据, their names say so), their
 * outlets and about three months of results through the same services as a clerk's work: a couple of exceedances
 * (one of pH, outside 6～9), and one enterprise that has not uploaded the month before last (缺报) and another whose
 * result of that month came late (迟报). The upload times of the demo results are then set to the day after each
 * measurement, as if they had been uploaded along the way.
 */
@Component
@Order(250)
class DemoPollutionLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPollutionLoader.class);

    private final GongkaiProperties properties;
    private final PollutionSources sources;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoPollutionLoader(GongkaiProperties properties, PollutionSources sources, JdbcTemplate jdbc, Clock clock) {
        this.properties = properties;
        this.sources = sources;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Demo(String credit, String name, String region, String industry, PollutionSources.NewOutlet outlet) {
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo() || jdbc.queryForObject("SELECT COUNT(*) FROM pollution_enterprise", Integer.class) > 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate from = today.minusMonths(3).withDayOfMonth(1);
        List<Demo> demos = List.of(
                new Demo("91360902MA0DEM001P", "示例青山造纸有限公司（虚构）", "360902", "造纸和纸制品业",
                        new PollutionSources.NewOutlet("DW001", "废水总排放口", "WASTEWATER", "DAILY", from.toString(),
                                "化学需氧量,80,mg/L\n氨氮,8,mg/L\npH值,6-9,无量纲")),
                new Demo("91360981MA0DEM0028", "示例丰城火电有限公司（虚构）", "360981", "电力、热力生产和供应业",
                        new PollutionSources.NewOutlet("DA001", "1号锅炉烟囱", "EXHAUST", "DAILY", from.toString(),
                                "二氧化硫,35,mg/m³\n氮氧化物,50,mg/m³\n颗粒物,10,mg/m³")),
                new Demo("91360982MA0DEM0050", "示例樟树制药有限公司（虚构）", "360982", "医药制造业",
                        new PollutionSources.NewOutlet("DW001", "污水处理站出口", "WASTEWATER", "MONTHLY",
                                from.toString(), "化学需氧量,100,mg/L\n总磷,0.5,mg/L")),
                new Demo("91360983MA0DEM0038", "示例高安陶瓷有限公司（虚构）", "360983", "非金属矿物制品业",
                        new PollutionSources.NewOutlet("DA001", "窑炉废气排放口", "EXHAUST", "MONTHLY", from.toString(),
                                "颗粒物,30,mg/m³\n二氧化硫,50,mg/m³\n氮氧化物,180,mg/m³")));
        Actor clerk = new Actor("示例信息员", sources.office(), EnumSet.of(Role.EDITOR), false);
        Random random = new Random(2026);
        LocalDate monthBeforeLast = today.minusMonths(2).withDayOfMonth(1);
        int total = Actor.callAs(clerk, () -> {
            int n = 0;
            for (Demo d : demos) {
                sources.registerDemo(new PollutionSources.NewEnterprise(d.credit(), d.name(), d.region(), d.industry()));
                sources.defineOutlet(d.credit(), d.outlet());
                StringBuilder csv = new StringBuilder("outlet,pollutant,value,measuredAt\n");
                List<LocalDate> days = new java.util.ArrayList<>();
                if (d.outlet().frequency().equals("DAILY")) {
                    from.datesUntil(today).forEach(days::add);
                } else {
                    for (LocalDate m = from; m.withDayOfMonth(15).isBefore(today); m = m.plusMonths(1)) {
                        // 高安陶瓷 has not uploaded the month before last.
                        if (!(d.region().equals("360983") && m.equals(monthBeforeLast))) {
                            days.add(m.withDayOfMonth(15));
                        }
                    }
                }
                for (LocalDate sampled : days) {
                    for (String line : d.outlet().pollutants().split("\n")) {
                        String[] p = line.split(",");
                        String value = value(p, random, sampled, from);
                        csv.append(d.outlet().code()).append(',').append(p[0]).append(',').append(value).append(',')
                                .append(sampled).append(" 09:00\n");
                    }
                }
                n += sources.importCsv(d.credit(), csv.toString().getBytes(StandardCharsets.UTF_8));
            }
            return n;
        });
        // As if each result had been uploaded the day after it was measured; 樟树制药's result of the month before
        // last arrived twenty days after that month ended (迟报).
        jdbc.update("UPDATE pollution_result SET uploaded_at = measured_at + INTERVAL '1' DAY "
                + "WHERE credit_code IN (SELECT credit_code FROM pollution_enterprise WHERE demo)");
        java.sql.Timestamp late = java.sql.Timestamp.from(monthBeforeLast.plusMonths(1).plusDays(19)
                .atTime(10, 0).atZone(gongkai.shared.PlatformConfiguration.CHINA).toInstant());
        jdbc.update("UPDATE pollution_result SET uploaded_at = ? WHERE credit_code = ? AND measured_at >= ? "
                + "AND measured_at < ?", late, "91360982MA0DEM0050",
                java.sql.Timestamp.from(monthBeforeLast.atStartOfDay(gongkai.shared.PlatformConfiguration.CHINA).toInstant()),
                java.sql.Timestamp.from(monthBeforeLast.plusMonths(1).atStartOfDay(gongkai.shared.PlatformConfiguration.CHINA)
                        .toInstant()));
        log.info("Demo: 4 fictitious key-pollutant enterprises with {} monitoring results from {} (示例数据)", total, from);
    }

    /** A value under the limit, but for three fictitious exceedances on fixed days. */
    private static String value(String[] p, Random random, LocalDate day, LocalDate from) {
        long n = java.time.temporal.ChronoUnit.DAYS.between(from, day);
        if (p[0].equals("pH值")) {
            return n == 40 ? "9.4" : String.valueOf(7 + random.nextInt(10) / 10.0);
        }
        double limit = Double.parseDouble(p[1]);
        if ((p[0].equals("化学需氧量") && p[2].equals("mg/L") && limit == 80 && n == 25)
                || (p[0].equals("氮氧化物") && limit == 50 && n == 60)) {
            return String.valueOf(Math.round(limit * 1.2 * 10) / 10.0);
        }
        return String.valueOf(Math.round(limit * (0.3 + random.nextDouble() * 0.5) * 100) / 100.0);
    }
}
