package gongkai.environment;

/** The kind of a centralised drinking-water source (集中式生活饮用水水源地). */
public enum SourceKind {
    RIVER("河流型", WaterBody.RIVER),
    LAKE("湖库型", WaterBody.LAKE),
    GROUNDWATER("地下水型", null);

    private final String label;
    private final WaterBody body;

    SourceKind(String label, WaterBody body) {
        this.label = label;
        this.body = body;
    }

    public String label() {
        return label;
    }

    /** The surface water body whose GB 3838 limits apply; null for groundwater. */
    public WaterBody body() {
        return body;
    }
}
