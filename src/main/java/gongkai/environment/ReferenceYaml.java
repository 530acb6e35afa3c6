package gongkai.environment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;

import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reading the module's standards from the YAML files under {@code reference/}: safe parsing, dates as YAML gives them. */
final class ReferenceYaml {

    private ReferenceYaml() {
    }

    /** Reads a classpath resource with the given reader. */
    static <T> T fromClasspath(String resource, Function<InputStream, T> reader) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return reader.apply(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /** The document's top-level map, parsed without constructing any Java type the file names. */
    static Map<String, Object> root(InputStream in) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    }

    /** A date as YAML reads it: an unquoted ISO date arrives as a java.util.Date at midnight UTC; null stays null. */
    static LocalDate date(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof java.util.Date d) {
            return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        return LocalDate.parse(v.toString());
    }
}
