package gongkai.catalog;

/** 公开范围: to everyone, or only to the region or group the information concerns (plan 二.1, 二.2, 二.6). */
public enum Audience {
    PUBLIC("面向社会公开"),
    TARGETED("向特定区域、特定群体公开");

    private final String label;

    Audience(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Audience parse(String value) {
        return switch (value.strip().toLowerCase()) {
            case "public" -> PUBLIC;
            case "targeted" -> TARGETED;
            default -> throw new IllegalArgumentException("audience must be public or targeted, not " + value);
        };
    }

    public String code() {
        return name().toLowerCase();
    }
}
