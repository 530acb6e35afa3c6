package gongkai.region.internal;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gongkai.region.Region;
import gongkai.region.Regions;

/** {@code /api/v1/regions}: the administrative divisions, open to everyone. */
@RestController
@RequestMapping("/api/v1/regions")
class RegionApiController {

    private final Regions regions;

    RegionApiController(Regions regions) {
        this.regions = regions;
    }

    record RegionView(String code, String name, String kind, String kindLabel, String parent, String codeStandard) {
        static RegionView of(Region r) {
            return new RegionView(r.code(), r.name(), r.kind().name(), r.kind().label(), r.parentCode(),
                    r.codeStandard());
        }
    }

    /** All regions, or the children of {@code parent}. */
    @GetMapping
    List<RegionView> list(@RequestParam(required = false) String parent) {
        List<Region> list = parent == null || parent.isBlank() ? regions.all() : regions.children(parent);
        return list.stream().map(RegionView::of).toList();
    }

    @GetMapping("/{code}")
    RegionView one(@PathVariable String code) {
        return RegionView.of(regions.get(code));
    }
}
