package gongkai.publishing.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "forbidden_word")
public class ForbiddenWordEntity {

    @Id
    private String word;
    private String createdBy;
    private Instant createdAt;

    protected ForbiddenWordEntity() {
    }

    public ForbiddenWordEntity(String word, String createdBy, Instant createdAt) {
        this.word = word;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public String getWord() {
        return word;
    }
}
