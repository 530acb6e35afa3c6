package gongkai.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import gongkai.calendar.internal.CalendarDayEntity;
import gongkai.calendar.internal.CalendarDayRepository;
import gongkai.calendar.internal.CalendarProperties;
import gongkai.calendar.internal.HolidayFile;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.AuditedChange;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.ReferenceFiles;
import gongkai.shared.Role;

/** The admin's amendments, with the table replaced by a mock (no Spring context). */
class CalendarAmendmentTest {

    private static final LocalDate FRIDAY_OCT_9 = LocalDate.of(2026, 10, 9);
    private static final LocalDate SATURDAY_OCT_10 = LocalDate.of(2026, 10, 10);

    private final CalendarDayRepository repository = mock(CalendarDayRepository.class);
    private final List<Object> published = new ArrayList<>();
    private WorkingDayCalendar calendar;

    @BeforeEach
    void setUp() {
        ReferenceFiles files =
                new ReferenceFiles(new GongkaiProperties(Path.of("target/nonexistent"), "ycszfb", false));
        List<CalendarDayEntity> table = HolidayFile.read(files).stream().map(CalendarDayEntity::new).toList();
        when(repository.findAll()).thenReturn(table);
        when(repository.findById(any())).thenReturn(Optional.empty());
        when(repository.findById(SATURDAY_OCT_10)).thenReturn(Optional.of(
                new CalendarDayEntity(new CalendarDay(SATURDAY_OCT_10, CalendarDay.Kind.WORK, "国庆节"))));
        calendar = new WorkingDayCalendar(repository, published::add, new CalendarProperties(false));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(String org, boolean cityWide, Role... roles) {
        Actor actor = new Actor("someone", org, Set.of(roles), cityWide);
        Actor.ActorHolder principal = () -> actor;
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
    }

    @Test
    void cityAdminMakesAFridayADayOff() {
        signIn("ycszfb", true, Role.ADMIN);
        assertThat(calendar.isWorkingDay(FRIDAY_OCT_9)).isTrue();

        calendar.setDay(FRIDAY_OCT_9, CalendarDay.Kind.OFF, " 国庆节 ");

        assertThat(calendar.isWorkingDay(FRIDAY_OCT_9)).isFalse();
        verify(repository).save(any(CalendarDayEntity.class));
        assertThat(published).containsExactly(new AuditedChange("calendar.set", "calendar-day", "2026-10-09",
                "2026-10-09：工作日 → 放假（国庆节）"));
    }

    @Test
    void cityAdminClearsAnAdjustedSaturday() {
        signIn("ycszfb", true, Role.ADMIN);
        assertThat(calendar.isWorkingDay(SATURDAY_OCT_10)).isTrue();

        calendar.clearDay(SATURDAY_OCT_10);

        assertThat(calendar.isWorkingDay(SATURDAY_OCT_10)).isFalse();
        assertThat(published).containsExactly(new AuditedChange("calendar.clear", "calendar-day", "2026-10-10",
                "2026-10-10：调休上班（国庆节） → 休息日"));
    }

    @Test
    void settingWhatIsAlreadyThereChangesNothing() {
        signIn("ycszfb", true, Role.ADMIN);
        calendar.setDay(SATURDAY_OCT_10, CalendarDay.Kind.WORK, "国庆节");
        assertThat(published).isEmpty();
    }

    @Test
    void onlyTheCityOfficesAdminMayAmend() {
        assertThatThrownBy(() -> calendar.setDay(FRIDAY_OCT_9, CalendarDay.Kind.OFF, "国庆节"))
                .isInstanceOf(AccessDeniedProblem.class).hasMessage("请先登录。");

        signIn("yfqzfb", false, Role.ADMIN);
        assertThatThrownBy(() -> calendar.setDay(FRIDAY_OCT_9, CalendarDay.Kind.OFF, "国庆节"))
                .isInstanceOf(AccessDeniedProblem.class).hasMessage("只有市政府办公室的管理员可以修改工作日历。");

        signIn("ycszfb", true, Role.EDITOR);
        assertThatThrownBy(() -> calendar.clearDay(SATURDAY_OCT_10))
                .isInstanceOf(AccessDeniedProblem.class).hasMessage("只有市政府办公室的管理员可以修改工作日历。");

        assertThat(published).isEmpty();
        verify(repository, never()).save(any());
        assertThat(calendar.isWorkingDay(FRIDAY_OCT_9)).isTrue();
    }

    @Test
    void badInputNamesTheFieldAndChangesNothing() {
        signIn("ycszfb", true, Role.ADMIN);
        assertThatThrownBy(() -> calendar.setDay(FRIDAY_OCT_9, CalendarDay.Kind.OFF, "  "))
                .isInstanceOfSatisfying(InvalidInputProblem.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("holiday"));
        assertThatThrownBy(() -> calendar.setDay(FRIDAY_OCT_9, CalendarDay.Kind.OFF, "节".repeat(41)))
                .isInstanceOfSatisfying(InvalidInputProblem.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("holiday"));
        assertThatThrownBy(() -> calendar.setDay(null, CalendarDay.Kind.OFF, "国庆节"))
                .isInstanceOfSatisfying(InvalidInputProblem.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("day"));
        assertThatThrownBy(() -> calendar.setDay(FRIDAY_OCT_9, null, "国庆节"))
                .isInstanceOfSatisfying(InvalidInputProblem.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("kind"));
        assertThatThrownBy(() -> calendar.setDay(FRIDAY_OCT_9, CalendarDay.Kind.WORK, "国庆节"))
                .isInstanceOf(InvalidInputProblem.class)
                .hasMessageStartingWith("2026-10-09是星期五，本来就是工作日");
        assertThatThrownBy(() -> calendar.clearDay(FRIDAY_OCT_9))
                .isInstanceOf(NotFoundProblem.class);

        assertThat(published).isEmpty();
        verify(repository, never()).save(any());
    }
}
