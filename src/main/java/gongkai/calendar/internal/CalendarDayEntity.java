package gongkai.calendar.internal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import gongkai.calendar.CalendarDay;

@Entity
@Table(name = "calendar_day")
public class CalendarDayEntity {

    /** Quoted because DAY is a keyword in H2. */
    @Id
    @Column(name = "calendar_date")
    private LocalDate day;

    @Enumerated(EnumType.STRING)
    private CalendarDay.Kind kind;

    private String holiday;

    private Instant createdAt;

    protected CalendarDayEntity() {
    }

    public CalendarDayEntity(CalendarDay day) {
        this.day = day.day();
        this.kind = day.kind();
        this.holiday = day.holiday();
    }

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
    }

    public CalendarDay toCalendarDay() {
        return new CalendarDay(day, kind, holiday);
    }

    public void change(CalendarDay.Kind newKind, String newHoliday) {
        this.kind = newKind;
        this.holiday = newHoliday;
    }
}
