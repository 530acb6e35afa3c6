package gongkai.environment;

/** The kind of a surface-water section: 河流 or 湖泊、水库 (which take the 湖、库 column of GB 3838 for 总磷). */
public enum WaterBody {
    RIVER("河流"),
    LAKE("湖库");

    private final String label;

    WaterBody(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
