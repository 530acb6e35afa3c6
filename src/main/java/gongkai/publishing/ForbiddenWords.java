package gongkai.publishing;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.publishing.internal.ForbiddenWordEntity;
import gongkai.publishing.internal.ForbiddenWordRepository;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.AuditedChange;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.Role;

/**
 * 禁用词: words that stop a submission (classification marks, internal-use notes). The city office's admin keeps
 * the list; the initial list comes from {@code reference/forbidden-words.txt}.
 */
@Service
@Transactional(readOnly = true)
public class ForbiddenWords {

    private final ForbiddenWordRepository repository;
    private final ApplicationEventPublisher events;
    private volatile List<String> cache;

    ForbiddenWords(ForbiddenWordRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    public List<String> list() {
        List<String> words = cache;
        if (words == null) {
            words = repository.findAll().stream().map(ForbiddenWordEntity::getWord).sorted().toList();
            cache = words;
        }
        return words;
    }

    /** The forbidden words that occur in the text (case-insensitive for Latin letters). */
    public List<String> foundIn(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return list().stream().filter(w -> lower.contains(w.toLowerCase(Locale.ROOT))).toList();
    }

    @Transactional
    public void add(String word) {
        requireCityAdmin();
        String w = word == null ? "" : word.strip();
        if (w.isEmpty() || w.length() > 50) {
            throw new InvalidInputProblem("word", "禁用词不能为空，且不能超过50个字。");
        }
        if (repository.existsById(w)) {
            throw new InvalidInputProblem("word", "“" + w + "”已在禁用词表中。");
        }
        repository.save(new ForbiddenWordEntity(w, Actor.require().username(), Instant.now()));
        cache = null;
        events.publishEvent(new AuditedChange("forbidden-word.add", "forbidden-word", w, "新增禁用词：" + w));
    }

    @Transactional
    public void remove(String word) {
        requireCityAdmin();
        if (word == null || !repository.existsById(word)) {
            throw new InvalidInputProblem("word", "禁用词表中没有“" + word + "”。");
        }
        repository.deleteById(word);
        cache = null;
        events.publishEvent(new AuditedChange("forbidden-word.remove", "forbidden-word", word, "删除禁用词：" + word));
    }

    /** Drops the in-memory copy (after the loader fills an empty table). */
    public void refresh() {
        cache = null;
    }

    private static void requireCityAdmin() {
        Actor actor = Actor.require();
        if (!actor.cityWide() || !actor.has(Role.ADMIN)) {
            throw new AccessDeniedProblem("只有市政府办公室的管理员可以维护禁用词表。");
        }
    }
}
