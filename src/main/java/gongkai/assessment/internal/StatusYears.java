package gongkai.assessment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import gongkai.shared.InvalidInputProblem;

/** The years 公开情况 and the assessment offer: from the start of supervision to this year. */
@Component
public class StatusYears {

    private final AssessmentProperties properties;
    private final Clock clock;

    StatusYears(AssessmentProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public int current() {
        return LocalDate.now(clock).getYear();
    }

    /** The year asked for, this year when none; a year outside supervision is refused with a message. */
    public int require(Integer year) {
        if (year == null) {
            return current();
        }
        if (year < properties.obligationsFrom().getYear() || year > current()) {
            throw new InvalidInputProblem("year", "年份应在" + properties.obligationsFrom().getYear() + "至" + current()
                    + "之间，平台自" + properties.obligationsFrom() + "起督查公开义务。");
        }
        return year;
    }

    public List<Integer> all() {
        List<Integer> out = new ArrayList<>();
        for (int y = current(); y >= properties.obligationsFrom().getYear(); y--) {
            out.add(y);
        }
        return out;
    }
}
