package gongkai.publishing;

import gongkai.shared.AccessDeniedProblem;

/**
 * A targeted record was asked for without a valid access code by someone it is not disclosed to. The page asks for
 * the code (查阅码) and reveals nothing of the record.
 */
public class TargetedAccessRequired extends AccessDeniedProblem {

    /** The one answer to a wrong code, and to a code that opens no record (the 查阅码 box): nothing to tell apart. */
    public static final String WRONG_CODE = "查阅码不正确，请核对公示上的查阅码后重新输入。";

    private final String ref;
    private final boolean codeWasWrong;

    public TargetedAccessRequired(String ref, boolean codeWasWrong) {
        super(codeWasWrong ? WRONG_CODE : "本信息仅向特定区域、特定群体公开，请输入公示栏上的查阅码。");
        this.ref = ref;
        this.codeWasWrong = codeWasWrong;
    }

    public String ref() {
        return ref;
    }

    public boolean codeWasWrong() {
        return codeWasWrong;
    }
}
