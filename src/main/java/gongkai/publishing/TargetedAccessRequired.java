package gongkai.publishing;

import gongkai.shared.AccessDeniedProblem;

/**
 * A targeted record was asked for without a valid access code by someone it is not disclosed to. The page asks for
 * the code (查看码) and reveals nothing of the record.
 */
public class TargetedAccessRequired extends AccessDeniedProblem {

    private final String ref;
    private final boolean codeWasWrong;

    public TargetedAccessRequired(String ref, boolean codeWasWrong) {
        super(codeWasWrong ? "查看码不正确。" : "本信息仅向特定区域、特定群体公开，请输入公示栏上的查看码。");
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
