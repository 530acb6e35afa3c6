package gongkai.environment;

/** The kind of a discharge outlet (排放口): 废水 or 废气. */
public enum OutletKind {
    WASTEWATER("废水"),
    EXHAUST("废气");

    private final String label;

    OutletKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** By its Chinese name or its constant, as a form or an API call gives it; null when neither. */
    public static OutletKind parse(String text) {
        String t = text == null ? "" : text.strip();
        for (OutletKind k : values()) {
            if (k.label.equals(t) || k.name().equalsIgnoreCase(t)) {
                return k;
            }
        }
        return null;
    }
}
