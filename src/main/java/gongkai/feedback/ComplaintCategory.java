package gongkai.feedback;

import java.util.Optional;

import gongkai.assessment.CheckScope;

/**
 * What a complaint or report (投诉举报) is about. A substantiated complaint about information not disclosed or
 * disclosed late becomes a supervision finding of the matching scope; the others are answered only.
 */
public enum ComplaintCategory {
    NOT_DISCLOSED("未按规定公开", CheckScope.CONTENT),
    LATE("公开不及时", CheckScope.TIMELINESS),
    WRONG_CONTENT("内容错误", null),
    PRIVACY("泄露个人隐私", null),
    REQUEST_HANDLING("依申请公开办理不当", null),
    OTHER("其他", null);

    private final String label;
    private final CheckScope findingScope;

    ComplaintCategory(String label, CheckScope findingScope) {
        this.label = label;
        this.findingScope = findingScope;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name();
    }

    /** The scope of the supervision finding a substantiated complaint of this category becomes; empty for none. */
    public Optional<CheckScope> findingScope() {
        return Optional.ofNullable(findingScope);
    }
}
