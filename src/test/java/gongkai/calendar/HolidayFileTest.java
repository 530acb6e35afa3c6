package gongkai.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gongkai.calendar.internal.HolidayFile;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.ReferenceFiles;

class HolidayFileTest {

    @TempDir
    Path dataDir;

    private ReferenceFiles withHolidayFile(String content) throws IOException {
        Files.createDirectories(dataDir.resolve("reference"));
        Files.writeString(dataDir.resolve("reference").resolve(HolidayFile.NAME), content);
        return new ReferenceFiles(new GongkaiProperties(dataDir, "ycszfb", false));
    }

    @Test
    void everyMalformedLineIsReportedByItsLineNumber() throws IOException {
        ReferenceFiles files = withHolidayFile("""
                # holidays
                date,type,holiday
                2027-01-01,off,元旦
                2027-13-01,off,元旦
                2027-02-06,rest,春节
                2027-02-07,work,
                2027-01-01,off,元旦
                """);
        assertThatThrownBy(() -> HolidayFile.read(files))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(HolidayFile.NAME)
                .hasMessageContaining("line 4: date must be yyyy-MM-dd, found '2027-13-01'")
                .hasMessageContaining("line 5: type must be off or work, found 'rest'")
                .hasMessageContaining("line 6: holiday must have 1 to 40 characters")
                .hasMessageContaining("line 7: 2027-01-01 is already given on line 3")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("line 3:"));
    }

    @Test
    void aNextYearFileInTheDataFolderIsReadInsteadOfTheBuiltInOne() throws IOException {
        ReferenceFiles files = withHolidayFile("""
                date,type,holiday
                2027-01-01,off,元旦
                2027-01-02,OFF,元旦
                """);
        assertThat(HolidayFile.read(files)).containsExactly(
                new CalendarDay(LocalDate.of(2027, 1, 1), CalendarDay.Kind.OFF, "元旦"),
                new CalendarDay(LocalDate.of(2027, 1, 2), CalendarDay.Kind.OFF, "元旦"));
    }
}
