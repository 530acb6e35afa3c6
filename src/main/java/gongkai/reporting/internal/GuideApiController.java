package gongkai.reporting.internal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import gongkai.reporting.Guide;
import gongkai.reporting.Guides;

/** {@code GET /api/v1/orgs/{code}/guide}: a body's 政府信息公开指南 as data, open to everyone. */
@RestController
class GuideApiController {

    private final Guides guides;

    GuideApiController(Guides guides) {
        this.guides = guides;
    }

    @GetMapping("/api/v1/orgs/{code}/guide")
    Guide guide(@PathVariable String code) {
        return guides.guide(code);
    }
}
