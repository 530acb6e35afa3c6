package gongkai.environment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * 排放口: an enterprise's discharge outlet, the pollutants monitored there and how often a result is due, counted from
 * {@code monitoredFrom}.
 */
public record Outlet(String code, String name, OutletKind kind, MonitoringFrequency frequency, LocalDate monitoredFrom,
        List<MonitoredPollutant> pollutants) {

    public Optional<MonitoredPollutant> pollutant(String name) {
        return pollutants.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** As the pages list them: "化学需氧量 ≤100 mg/L；pH值 6～9 无量纲". */
    public String pollutantsText() {
        return String.join("；", pollutants.stream().map(p -> p.name() + " " + p.limit().text() + " " + p.unit())
                .toList());
    }
}
