package gongkai.publishing.internal;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import gongkai.publishing.ForbiddenWords;
import gongkai.shared.ReferenceFiles;

/** Fills the forbidden-word list from the reference file once, while it is empty; then it is the admins'. */
@Component
@Order(50)
class ForbiddenWordLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ForbiddenWordLoader.class);

    private final ForbiddenWordRepository repository;
    private final ForbiddenWords words;
    private final ReferenceFiles files;

    ForbiddenWordLoader(ForbiddenWordRepository repository, ForbiddenWords words, ReferenceFiles files) {
        this.repository = repository;
        this.words = words;
        this.files = files;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (repository.count() > 0) {
            return;
        }
        int added = 0;
        for (String line : files.readString("forbidden-words.txt").split("\\R")) {
            String w = line.strip();
            if (!w.isEmpty() && !w.startsWith("#") && !repository.existsById(w)) {
                repository.save(new ForbiddenWordEntity(w, "system", Instant.now()));
                added++;
            }
        }
        words.refresh();
        log.info("Forbidden words: {} added", added);
    }
}
