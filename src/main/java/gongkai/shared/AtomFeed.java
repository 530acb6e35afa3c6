package gongkai.shared;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;

/**
 * An Atom 1.0 feed as the platform writes them (records, CAP alerts): the feed's id is its own address (rel self),
 * it links to the page it mirrors, and every entry has an id, a title, its time, an author, a text summary and its
 * links. Texts are stripped of what XML 1.0 cannot carry, so one bad stored title cannot fail a feed for everyone.
 */
public final class AtomFeed {

    /** A link of an entry; {@code rel} alternate is the entry's main link. */
    public record FeedLink(String rel, String type, String href) {
    }

    /** One entry. */
    public record Item(String id, String title, Instant at, String author, String summary, List<FeedLink> links) {
    }

    private AtomFeed() {
    }

    /** The feed as an HTTP answer of type application/atom+xml. */
    public static ResponseEntity<String> response(String self, String title, String author, String page,
            List<Item> items) {
        Feed feed = new Feed("atom_1.0");
        feed.setId(self);
        feed.setTitle(title);
        feed.setUpdated(items.isEmpty() ? new Date(0) : Date.from(items.get(0).at()));
        feed.setOtherLinks(List.of(link("self", null, self)));
        feed.setAlternateLinks(List.of(link("alternate", "text/html", page)));
        feed.setAuthors(List.of(person(author)));
        List<Entry> entries = new ArrayList<>();
        for (Item item : items) {
            Entry e = new Entry();
            e.setId(xml(item.id()));
            e.setTitle(xml(item.title()));
            e.setUpdated(Date.from(item.at()));
            e.setPublished(Date.from(item.at()));
            e.setAlternateLinks(item.links().stream().filter(l -> "alternate".equals(l.rel()))
                    .map(l -> link(l.rel(), l.type(), l.href())).toList());
            e.setOtherLinks(item.links().stream().filter(l -> !"alternate".equals(l.rel()))
                    .map(l -> link(l.rel(), l.type(), l.href())).toList());
            e.setAuthors(List.of(person(item.author())));
            Content summary = new Content();
            summary.setType("text");
            summary.setValue(xml(item.summary()));
            e.setSummary(summary);
            entries.add(e);
        }
        feed.setEntries(entries);
        try {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                    .body(new WireFeedOutput().outputString(feed));
        } catch (FeedException e) {
            throw new IllegalStateException("Atom feed " + self + " could not be written", e);
        }
    }

    private static Link link(String rel, String type, String href) {
        Link l = new Link();
        l.setRel(rel);
        if (type != null) {
            l.setType(type);
        }
        l.setHref(href);
        return l;
    }

    private static Person person(String name) {
        Person p = new Person();
        p.setName(xml(name));
        return p;
    }

    private static String xml(String text) {
        return UnsafeCharacters.strip(text);
    }
}
