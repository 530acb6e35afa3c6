package gongkai.calendar.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import gongkai.calendar.CalendarDay;
import gongkai.calendar.WorkingDayCalendar;
import gongkai.shared.ReferenceFiles;

/**
 * Loads holidays-cn.csv at start. A date already in the table is left as it is, so an admin's change of a day
 * survives restarts and a second start inserts nothing; a new year's notice is added by adding its lines to the
 * file (or to the file in the data folder's reference directory). A malformed line stops the start.
 */
@Component
@Order(40)
public class CalendarReferenceLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CalendarReferenceLoader.class);

    private final CalendarDayRepository repository;
    private final ReferenceFiles files;
    private final WorkingDayCalendar calendar;

    CalendarReferenceLoader(CalendarDayRepository repository, ReferenceFiles files, WorkingDayCalendar calendar) {
        this.repository = repository;
        this.files = files;
        this.calendar = calendar;
    }

    @Override
    public void run(ApplicationArguments args) {
        int added = load();
        log.info("Calendar: {} days added, {} in all", added, repository.count());
        calendar.reload();
    }

    /**
     * Imports whole years: the file's days of every year the table has no day of yet, in one transaction. A year
     * already in the table belongs to the admins from then on, so their additions, changes and removals all survive
     * restarts; a later correction to a loaded year is made in the back office. Returns how many days were added.
     */
    public int load() {
        List<CalendarDay> fileDays = HolidayFile.read(files);
        Set<Integer> knownYears = repository.findAll().stream().map(e -> e.toCalendarDay().day().getYear())
                .collect(Collectors.toSet());
        List<CalendarDayEntity> missing = fileDays.stream().filter(d -> !knownYears.contains(d.day().getYear()))
                .map(CalendarDayEntity::new).toList();
        repository.saveAll(missing);
        return missing.size();
    }
}
