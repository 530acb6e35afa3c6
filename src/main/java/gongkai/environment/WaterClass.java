package gongkai.environment;

/** 水质类别 of GB 3838-2002, best first; {@link #WORSE_THAN_V} is 劣Ⅴ类, worse than every limit of class V. */
public enum WaterClass {
    I("Ⅰ类"),
    II("Ⅱ类"),
    III("Ⅲ类"),
    IV("Ⅳ类"),
    V("Ⅴ类"),
    WORSE_THAN_V("劣Ⅴ类");

    private final String label;

    WaterClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** As the 2011 method describes a section: "符合Ⅲ类", or "劣于Ⅴ类" for 劣Ⅴ类. */
    public String wording() {
        return this == WORSE_THAN_V ? "劣于Ⅴ类" : "符合" + label;
    }

    /** Whether this class is worse than the other. */
    public boolean worseThan(WaterClass other) {
        return compareTo(other) > 0;
    }

    /** The worse of two classes. */
    public static WaterClass worse(WaterClass a, WaterClass b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
