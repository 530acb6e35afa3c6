package gongkai.publishing.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import gongkai.publishing.Records;
import gongkai.region.Regions;
import gongkai.shared.Actor;

/** {@code /residents/me}: what is disclosed to the signed-in resident's village, township and county. */
@Controller
class ResidentRecordsController {

    private final Records records;
    private final Regions regions;

    ResidentRecordsController(Records records, Regions regions) {
        this.records = records;
        this.regions = regions;
    }

    @GetMapping("/residents/me")
    String mine(Model model) {
        Actor actor = Actor.require();
        model.addAttribute("records", records.forResident());
        model.addAttribute("path", regions.path(actor.residentRegion()));
        return "publishing/resident";
    }
}
