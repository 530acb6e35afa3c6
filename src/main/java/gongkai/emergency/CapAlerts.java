package gongkai.emergency;

import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import gongkai.region.Region;
import gongkai.region.Regions;
import gongkai.shared.PublicAddress;

/**
 * Warnings as OASIS CAP 1.2 messages. Times carry +08:00 (CAP forbids "Z"); the identifier is the sender and the
 * message's number, stable for ever; an Update or Cancel names every earlier message of its sequence in
 * {@code references} as "sender,identifier,sent". The CAP category of each hazard
 * ({@code gongkai.emergency.cap.categories}) and the CAP severity of each level
 * ({@code gongkai.emergency.cap.severity.*}, red→Extreme, orange→Severe, yellow→Moderate, blue→Minor: only yellow is
 * evidenced, the rest UNCONFIRMED) are configurable.
 */
@Component
public class CapAlerts {

    public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
    public static final String MEDIA_TYPE = "application/cap+xml";

    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+08:00'");

    private final Warnings warnings;
    private final Regions regions;
    private final PublicAddress address;
    private final String configuredSender;
    private final Map<String, String> categories = new HashMap<>();
    private final String defaultCategory;
    private final Map<WarningLevel, String> severities = new HashMap<>();

    CapAlerts(Warnings warnings, Regions regions, PublicAddress address,
            @Value("${gongkai.emergency.cap.sender:}") String sender,
            @Value("${gongkai.emergency.cap.categories:暴雨=Met,台风=Met,洪水=Met,寒潮=Met,大风=Met,高温=Met,干旱=Met,雷电=Met,冰雹=Met,大雾=Met,霾=Met,道路结冰=Met,暴雪=Met,霜冻=Met,地质灾害=Geo,森林火险=Fire}")
            List<String> categories,
            @Value("${gongkai.emergency.cap.default-category:Env}") String defaultCategory,
            @Value("${gongkai.emergency.cap.severity.red:Extreme}") String red,
            @Value("${gongkai.emergency.cap.severity.orange:Severe}") String orange,
            @Value("${gongkai.emergency.cap.severity.yellow:Moderate}") String yellow,
            @Value("${gongkai.emergency.cap.severity.blue:Minor}") String blue) {
        this.warnings = warnings;
        this.regions = regions;
        this.address = address;
        this.configuredSender = sender == null || sender.isBlank() ? null : sender.strip();
        for (String pair : categories) {
            String[] kv = pair.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalStateException("gongkai.emergency.cap.categories: expected hazard=Category, got "
                        + pair);
            }
            this.categories.put(kv[0].strip(), kv[1].strip());
        }
        this.defaultCategory = defaultCategory;
        severities.put(WarningLevel.RED, red);
        severities.put(WarningLevel.ORANGE, orange);
        severities.put(WarningLevel.YELLOW, yellow);
        severities.put(WarningLevel.BLUE, blue);
    }

    /** The CAP sender: configured, else the host of the platform's public address. */
    public String sender() {
        return configuredSender != null ? configuredSender : URI.create(address.base()).getHost();
    }

    /** The CAP identifier of a message: unique for the sender and never reused. */
    public String identifier(Warning w) {
        return sender() + ".warning." + w.id();
    }

    /** A time as CAP writes it, in Beijing time with its offset. */
    public static String capTime(Instant instant) {
        return CAP_TIME.format(instant.atOffset(BEIJING));
    }

    public String category(String hazard) {
        return categories.getOrDefault(hazard, defaultCategory);
    }

    public String severity(WarningLevel level) {
        return severities.get(level);
    }

    /** The address of the message's XML. */
    public String xmlLink(Warning w) {
        return address.link("/cap/alerts/" + w.id() + ".xml");
    }

    /** The message as a CAP 1.2 document. */
    public String xml(long id) {
        Warning w = warnings.get(id);
        List<Warning> earlier = new ArrayList<>();
        if (w.referencesId() != null) {
            for (Warning h : warnings.history(id)) {
                if (h.id() < w.id()) {
                    earlier.add(h);
                }
            }
        }
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("alert");
            x.writeDefaultNamespace(NAMESPACE);
            text(x, "identifier", identifier(w));
            text(x, "sender", sender());
            text(x, "sent", capTime(w.issuedAt()));
            text(x, "status", "Actual");
            text(x, "msgType", w.msgType().cap());
            text(x, "scope", "Public");
            if (w.demo()) {
                text(x, "note", "示例数据");
            }
            if (!earlier.isEmpty()) {
                text(x, "references", String.join(" ", earlier.stream()
                        .map(e -> sender() + "," + identifier(e) + "," + capTime(e.issuedAt())).toList()));
            }
            x.writeStartElement("info");
            text(x, "language", "zh-CN");
            text(x, "category", category(w.hazard()));
            text(x, "event", w.hazard());
            text(x, "urgency", w.msgType() == WarningMessageType.CANCEL ? "Past"
                    : w.onset().isAfter(w.issuedAt()) ? "Expected" : "Immediate");
            text(x, "severity", severity(w.level()));
            text(x, "certainty", w.msgType() == WarningMessageType.CANCEL ? "Observed" : "Likely");
            x.writeStartElement("eventCode");
            text(x, "valueName", "预警级别");
            text(x, "value", w.level().colour() + "/" + w.level().label());
            x.writeEndElement();
            text(x, "onset", capTime(w.onset()));
            text(x, "expires", capTime(w.expires()));
            text(x, "senderName", w.issuerName());
            text(x, "headline", w.headline());
            text(x, "description", w.description());
            if (w.instruction() != null) {
                text(x, "instruction", w.instruction());
            }
            text(x, "web", address.link(w.path()));
            x.writeStartElement("area");
            text(x, "areaDesc", String.join("、", w.areas().stream().map(Warning.Area::name).toList()));
            for (Warning.Area a : w.areas()) {
                x.writeStartElement("geocode");
                String standard = regions.find(a.code()).map(Region::codeStandard).orElse("");
                text(x, "valueName", "GB/T 2260".equals(standard) ? "GB/T 2260" : "统计用区划代码");
                text(x, "value", a.code());
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write CAP message " + id, e);
        }
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(value);
        x.writeEndElement();
    }
}
