package gongkai.environment;

/**
 * A pollutant an outlet monitors, with its permitted limit (排放限值: an upper limit, or a range such as pH 6～9) and
 * its unit.
 */
public record MonitoredPollutant(String name, WaterLimit limit, String unit) {
}
