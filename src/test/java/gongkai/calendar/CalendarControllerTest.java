package gongkai.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import gongkai.calendar.internal.CalendarController;
import gongkai.calendar.internal.CalendarDayEntity;
import gongkai.calendar.internal.CalendarDayRepository;
import gongkai.calendar.internal.CalendarProperties;
import gongkai.calendar.internal.HolidayFile;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.ReferenceFiles;

/** The JSON endpoints' answers and their parameter checks, called directly (no Spring context). */
class CalendarControllerTest {

    private final CalendarController controller;

    CalendarControllerTest() {
        ReferenceFiles files =
                new ReferenceFiles(new GongkaiProperties(Path.of("target/nonexistent"), "ycszfb", false));
        CalendarDayRepository repository = mock(CalendarDayRepository.class);
        when(repository.findAll()).thenReturn(HolidayFile.read(files).stream().map(CalendarDayEntity::new).toList());
        WorkingDayCalendar calendar = new WorkingDayCalendar(repository, e -> { }, new CalendarProperties(false));
        controller = new CalendarController(calendar);
    }

    @Test
    void deadlineOfARequestReceivedBeforeNationalDay() {
        assertThat(controller.deadline("2026-09-28", "20"))
                .isEqualTo(new Deadline(LocalDate.of(2026, 9, 28), 20, LocalDate.of(2026, 10, 30), true));
    }

    @Test
    void yearListsItsSpecialDaysAndWhetherItIsCovered() {
        CalendarController.YearView y2026 = controller.year("2026");
        assertThat(y2026.covered()).isTrue();
        assertThat(y2026.days()).hasSize(39);
        assertThat(y2026.days().get(0)).isEqualTo(
                new CalendarController.DayView(LocalDate.of(2026, 1, 1), CalendarDay.Kind.OFF, "放假", "元旦"));
        CalendarController.YearView y2027 = controller.year("2027");
        assertThat(y2027.covered()).isFalse();
        assertThat(y2027.days()).isEmpty();
    }

    @Test
    void badParametersAreNamedEachWithAChineseMessage() {
        assertThatThrownBy(() -> controller.deadline("2026-02-30", "x"))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputProblem.FieldError::field).containsExactly("from", "workingDays"));
        assertThatThrownBy(() -> controller.deadline(null, "-1"))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputProblem.FieldError::field).containsExactly("from", "workingDays"));
        assertThatThrownBy(() -> controller.deadline("2026-09-28", "1001"))
                .isInstanceOf(InvalidInputProblem.class).hasMessage("工作日数应为0至1000之间的整数。");
        assertThatThrownBy(() -> controller.year("abc"))
                .isInstanceOfSatisfying(InvalidInputProblem.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("year"));
        assertThatThrownBy(() -> controller.year("12026")).isInstanceOf(InvalidInputProblem.class);
    }
}
