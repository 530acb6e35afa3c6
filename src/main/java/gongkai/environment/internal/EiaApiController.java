package gongkai.environment.internal;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import gongkai.environment.EiaCaseView;
import gongkai.environment.EiaCases;
import gongkai.environment.NewEiaComment;

/**
 * The EIA cases in the API: the public view of the cases and of one case (never a comment's text, name or contact),
 * and a comment during an open period, limited per address like a request through the API.
 */
@RestController
class EiaApiController {

    private final EiaCases cases;

    EiaApiController(EiaCases cases) {
        this.cases = cases;
    }

    @GetMapping("/api/v1/environment/eia")
    List<EiaCaseView> list(@RequestParam(required = false) String stage, @RequestParam(required = false) String region) {
        return cases.published(EiaPageController.stage(stage), region == null || region.isBlank() ? null : region.strip());
    }

    @GetMapping("/api/v1/environment/eia/{id}")
    EiaCaseView one(@PathVariable long id) {
        return cases.publicView(id);
    }

    /** The stage the comment was taken for. */
    record CommentReceived(long caseId, String stage, String stageLabel) {
    }

    @PostMapping("/api/v1/environment/eia/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    CommentReceived comment(@PathVariable long id, @RequestBody NewEiaComment comment) {
        cases.publicView(id);
        var stage = cases.comment(id, comment);
        return new CommentReceived(id, stage.name(), stage.label());
    }
}
