package gongkai.notify.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import gongkai.region.Region;
import gongkai.region.Regions;

/**
 * Which subscribed regions a message about some regions concerns: the regions themselves, every region above them
 * (a subscriber to 袁州区 hears of a village's list in one of its townships) and every region below them (a
 * subscriber to a township hears of what is published for its whole county, and of the city-wide 低保 standard).
 */
@Component
class RegionScope {

    private final Regions regions;

    RegionScope(Regions regions) {
        this.regions = regions;
    }

    Set<String> concerned(Collection<String> codes) {
        Set<String> result = new LinkedHashSet<>();
        for (String code : codes) {
            if (code == null || !regions.exists(code)) {
                continue;
            }
            regions.path(code).stream().map(Region::code).forEach(result::add);
            result.addAll(regions.selfAndDescendants(code));
        }
        return result;
    }
}
