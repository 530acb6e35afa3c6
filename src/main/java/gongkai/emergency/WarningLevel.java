package gongkai.emergency;

/** 预警级别: the four levels of the 突发事件应对法, shown by colour and by number. */
public enum WarningLevel {
    BLUE("蓝色", "Ⅳ级", "一般", "blue"),
    YELLOW("黄色", "Ⅲ级", "较重", "yellow"),
    ORANGE("橙色", "Ⅱ级", "严重", "orange"),
    RED("红色", "Ⅰ级", "特别严重", "red");

    private final String colour;
    private final String grade;
    private final String gravity;
    private final String css;

    WarningLevel(String colour, String grade, String gravity, String css) {
        this.colour = colour;
        this.grade = grade;
        this.gravity = gravity;
        this.css = css;
    }

    /** 蓝色, 黄色, 橙色, 红色. */
    public String colour() {
        return colour;
    }

    /** Ⅳ级 … Ⅰ级. */
    public String grade() {
        return grade;
    }

    /** The label shown beside the colour: Ⅱ级（严重）. */
    public String label() {
        return grade + "（" + gravity + "）";
    }

    /** The style name of the colour swatch. */
    public String css() {
        return css;
    }
}
