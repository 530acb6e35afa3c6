package gongkai.calendar.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import gongkai.calendar.CalendarDay;
import gongkai.calendar.WorkingDayCalendar;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.NotFoundProblem;

/** Back office: the city office's admin keeps the holidays and adjusted working days, one year at a time. */
@Controller
@RequestMapping("/admin/calendar")
class CalendarAdminController {

    private final WorkingDayCalendar calendar;
    private final Clock clock;

    CalendarAdminController(WorkingDayCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping
    String year(@RequestParam(required = false) Integer year, Model model) {
        return page(year == null ? LocalDate.now(clock).getYear() : year, model, null);
    }

    @PostMapping
    String set(@RequestParam LocalDate day, @RequestParam CalendarDay.Kind kind, @RequestParam String holiday,
            Model model, RedirectAttributes redirect) {
        try {
            calendar.setDay(day, kind, holiday);
        } catch (InvalidInputProblem e) {
            return page(day.getYear(), model, e);
        }
        redirect.addFlashAttribute("notice", day + " 已设为" + kind.label() + "（" + holiday.strip() + "）。");
        return "redirect:/admin/calendar?year=" + day.getYear();
    }

    @PostMapping("/clear")
    String clear(@RequestParam LocalDate day, RedirectAttributes redirect) {
        try {
            calendar.clearDay(day);
            redirect.addFlashAttribute("notice", day + " 已恢复为普通日期。");
        } catch (NotFoundProblem e) {
            redirect.addFlashAttribute("notice", e.getMessage());
        }
        return "redirect:/admin/calendar?year=" + day.getYear();
    }

    private String page(int year, Model model, InvalidInputProblem problem) {
        if (year < 1900 || year > 2100) {
            throw new InvalidInputProblem("year", "年份应在1900至2100之间。");
        }
        model.addAttribute("year", year);
        model.addAttribute("days", calendar.daysOf(year));
        model.addAttribute("covered", calendar.covers(year));
        model.addAttribute("kinds", CalendarDay.Kind.values());
        model.addAttribute("problem", problem);
        return "calendar/admin";
    }
}
