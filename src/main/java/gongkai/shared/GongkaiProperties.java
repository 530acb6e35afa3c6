package gongkai.shared;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Platform settings ({@code gongkai.*}).
 *
 * @param dataDir    where the embedded database, the search index and attachments live ({@code ./data} by default)
 * @param cityOffice code of the organisation whose ADMIN acts for every organisation (the city government office)
 * @param demo       whether fictitious demo data is loaded and marked 示例数据 (the {@code demo} profile sets it)
 */
@ConfigurationProperties("gongkai")
public record GongkaiProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("ycszfb") String cityOffice,
        @DefaultValue("false") boolean demo) {

    /** Folder whose reference files, when present, are read instead of the ones built in. */
    public Path referenceOverrideDir() {
        return dataDir.resolve("reference");
    }
}
