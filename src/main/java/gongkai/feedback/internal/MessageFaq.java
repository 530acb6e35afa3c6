package gongkai.feedback.internal;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import gongkai.feedback.Messages;
import gongkai.feedback.PublishedMessage;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The FAQ (常见问题) of a catalogue item on its page ({@code /catalog/{itemCode}}, rendered by the web module): a model
 * attribute {@code messageFaq} that the item's template shows through {@code feedback/message-fragments :: faq}. Added
 * from here so that the web module need not know the feedback module (no cycle); other pages get an empty list
 * without a query. Promoting or dropping an entry drops the item's kept page.
 */
@ControllerAdvice(annotations = Controller.class)
class MessageFaq {

    private final Messages messages;

    MessageFaq(Messages messages) {
        this.messages = messages;
    }

    @ModelAttribute("messageFaq")
    List<PublishedMessage> messageFaq(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String[] parts = path.split("/");
        if (parts.length != 3 || !"catalog".equals(parts[1]) || !"GET".equals(request.getMethod())) {
            return List.of();
        }
        return messages.faq(parts[2]);
    }
}
