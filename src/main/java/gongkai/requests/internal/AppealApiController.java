package gongkai.requests.internal;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import gongkai.requests.Appeal;
import gongkai.requests.AppealDecision;
import gongkai.requests.Appeals;
import gongkai.requests.NewAppeal;

/** {@code /api/v1/requests/{trackingNo}/appeals}: the reviews and lawsuits against a request, for its staff. */
@RestController
@RequestMapping("/api/v1/requests/{trackingNo}/appeals")
class AppealApiController {

    private final Appeals appeals;

    AppealApiController(Appeals appeals) {
        this.appeals = appeals;
    }

    /** The id of a case just registered. */
    record AppealId(long id) {
    }

    @GetMapping
    List<Appeal> cases(@PathVariable String trackingNo) {
        return appeals.cases(trackingNo);
    }

    @PostMapping
    ResponseEntity<AppealId> register(@PathVariable String trackingNo, @RequestBody NewAppeal body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new AppealId(appeals.register(trackingNo, body)));
    }

    @PutMapping("/{id}")
    Appeal recordResult(@PathVariable String trackingNo, @PathVariable long id, @RequestBody AppealDecision body) {
        return appeals.recordResult(trackingNo, id, body);
    }
}
