package gongkai.publishing;

/**
 * One row of table 二 of the annual report for 规章 or 行政规范性文件 (see {@link NormativeDocuments#figures}).
 *
 * @param issued   本年制发件数
 * @param repealed 本年废止件数 (repealed or expired)
 * @param inForce  现行有效件数 at the end of the year
 */
public record NormativeFigures(int issued, int repealed, int inForce) {

    static final NormativeFigures NONE = new NormativeFigures(0, 0, 0);
}
