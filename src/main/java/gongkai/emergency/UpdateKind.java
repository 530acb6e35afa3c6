package gongkai.emergency;

/**
 * The parts of an emergency's public timeline (plan 二.4 and 二.6). Damage updates carry figures, needs updates the
 * full list of what is needed now, and recovery updates report one month's reconstruction (灾后恢复重建, monthly).
 */
public enum UpdateKind {
    RESPONSE("应急处置与救援"),
    MEDICAL("医疗救护与卫生防疫"),
    SECONDARY("次生灾害预警防范"),
    DAMAGE("受灾情况"),
    NEEDS("救助需求"),
    RECOVERY("恢复重建进展");

    private final String label;

    UpdateKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String getLabel() {
        return label;
    }

    public String getCode() {
        return name();
    }

    /** The catalogue item the update is published under, for an emergency of the given kind. */
    public String item(EmergencyKind emergency) {
        switch (this) {
            case NEEDS:
                return "dr-needs";
            case RECOVERY:
                return "dr-reconstruction";
            default:
                return emergency.responseItem();
        }
    }
}
