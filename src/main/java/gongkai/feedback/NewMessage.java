package gongkai.feedback;

/**
 * A question to a body as the asker writes it (咨询留言), from the public form or the API.
 *
 * @param org          the body asked (organisation code)
 * @param phone        a telephone number; a phone or an e-mail address is needed to reach the asker
 * @param keepPrivate  the asker's wish that question and answer are not published
 */
public record NewMessage(String org, String subject, String question, String name, String phone, String email,
        boolean keepPrivate) {
}
