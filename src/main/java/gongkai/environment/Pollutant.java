package gongkai.environment;

/** The indicators of the daily AQI, with their names and units as the standards give them. */
public enum Pollutant {
    SO2("二氧化硫（SO₂）日平均", "μg/m³"),
    NO2("二氧化氮（NO₂）日平均", "μg/m³"),
    PM10("颗粒物（PM10）日平均", "μg/m³"),
    CO("一氧化碳（CO）日平均", "mg/m³"),
    O3_1H("臭氧（O₃）日最大1小时平均", "μg/m³"),
    O3_8H("臭氧（O₃）日最大8小时滑动平均", "μg/m³"),
    PM25("颗粒物（PM2.5）日平均", "μg/m³");

    private final String label;
    private final String unit;

    Pollutant(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }
}
