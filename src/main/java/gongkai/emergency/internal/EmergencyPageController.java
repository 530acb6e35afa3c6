package gongkai.emergency.internal;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import gongkai.emergency.Donations;
import gongkai.emergency.Emergencies;
import gongkai.emergency.Emergency;
import gongkai.emergency.EmergencyUpdate;
import gongkai.emergency.Warning;
import gongkai.emergency.Warnings;

/**
 * The public pages of emergencies: the list (those in response first) and one emergency with its warnings, what is
 * needed now and the campaigns to give to, the figures over time, and the timeline of published updates.
 */
@Controller
class EmergencyPageController {

    private final Emergencies emergencies;
    private final Warnings warnings;
    private final Donations donations;

    EmergencyPageController(Emergencies emergencies, Warnings warnings, Donations donations) {
        this.emergencies = emergencies;
        this.warnings = warnings;
        this.donations = donations;
    }

    /** The figures over time as a table: one row per damage update, one column per figure ever reported. */
    record FigureTable(List<String> columns, List<FigureRow> rows) {
    }

    record FigureRow(String asOf, String indexNo, List<String> values) {
    }

    /** A linked warning sequence, shown by its latest message. */
    record LinkedWarning(long id, String headline, String levelCss, String levelText, String status,
            String period) {
    }

    @GetMapping("/emergencies")
    String list(Model model) {
        model.addAttribute("emergencies", emergencies.all());
        return "emergency/emergencies";
    }

    @GetMapping("/emergencies/{id}")
    String show(@PathVariable long id, Model model) {
        Emergency e = emergencies.get(id);
        model.addAttribute("emergency", e);
        model.addAttribute("timeline", emergencies.timeline(id, false));
        model.addAttribute("needs", emergencies.currentNeeds(id).orElse(null));
        model.addAttribute("campaigns", donations.campaignsFor(id));
        model.addAttribute("figures", figureTable(emergencies.figureSeries(id)));
        List<LinkedWarning> linked = new ArrayList<>();
        for (long original : e.warningIds()) {
            List<Warning> history = warnings.history(original);
            Warning latest = history.get(history.size() - 1);
            linked.add(new LinkedWarning(latest.id(), latest.headline(), latest.level().css(),
                    latest.hazard() + latest.level().colour() + "预警 " + latest.level().grade(),
                    latest.status().label(), history.get(0).onsetShown() + " 至 " + latest.expiresShown()));
        }
        model.addAttribute("warnings", linked);
        return "emergency/emergency";
    }

    private FigureTable figureTable(List<EmergencyUpdate> series) {
        List<String> columns = new ArrayList<>();
        for (Emergencies.Figure f : emergencies.figures()) {
            if (series.stream().anyMatch(u -> u.figures().containsKey(f.name()))) {
                columns.add(f.name() + (f.unit().isEmpty() ? "" : "（" + f.unit() + "）"));
            }
        }
        List<FigureRow> rows = new ArrayList<>();
        DecimalFormat format = new DecimalFormat("#,##0.##");
        for (EmergencyUpdate u : series) {
            List<String> values = new ArrayList<>();
            for (Emergencies.Figure f : emergencies.figures()) {
                if (series.stream().anyMatch(x -> x.figures().containsKey(f.name()))) {
                    BigDecimal v = u.figures().get(f.name());
                    values.add(v == null ? "—" : format.format(v));
                }
            }
            rows.add(new FigureRow(Emergencies.shown(u.asOf()), u.indexNo(), values));
        }
        return new FigureTable(columns, rows);
    }
}
