package gongkai.web.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import gongkai.shared.InvalidInputProblem;

/**
 * The reading bar's switches (长者模式, 字号, 简体/繁體) as plain links, so that they work without scripts on any phone:
 * {@code GET /preferences?elder=on&return=/path} keeps the choice in a cookie for a year and sends the reader back to
 * the page they were on. Only a path of this site is a place to go back to; anything else is refused.
 */
@Controller
class PreferencesController {

    static final String PATH = "/preferences";
    private static final Duration KEPT = Duration.ofDays(365);
    private static final int MAX_RETURN = 2000;

    @GetMapping(PATH)
    ResponseEntity<Void> choose(@RequestParam(required = false) String elder,
            @RequestParam(required = false) String size, @RequestParam(required = false) String lang,
            @RequestParam(name = "return", required = false) String back, HttpServletRequest request) {
        List<InvalidInputProblem.FieldError> errors = new ArrayList<>();
        if (elder != null && !elder.equals("on") && !elder.equals("off")) {
            errors.add(new InvalidInputProblem.FieldError("elder", "长者模式的取值无效：只能是 on（开启）或 off（关闭）。"));
        }
        if (size != null && ReadingPreferences.TextSize.of(size) == null) {
            errors.add(new InvalidInputProblem.FieldError("size",
                    "字号的取值无效：只能是 standard（标准）、large（大）或 xlarge（特大）。"));
        }
        if (lang != null && !lang.equals(ReadingPreferences.HANS) && !lang.equals(ReadingPreferences.HANT)) {
            errors.add(new InvalidInputProblem.FieldError("lang", "文字的取值无效：只能是 zh-Hans（简体）或 zh-Hant（繁體）。"));
        }
        String target = back == null || back.isEmpty() ? "/" : sameSitePath(back);
        if (target == null) {
            errors.add(new InvalidInputProblem.FieldError("return", "返回地址无效：只能返回本站的页面（以 / 开头的站内路径）。"));
        }
        if (errors.isEmpty() && elder == null && size == null && lang == null) {
            errors.add(new InvalidInputProblem.FieldError("elder", "没有选择要更改的阅读设置（长者模式、字号或简体/繁體）。"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create(request.getContextPath() + target));
        boolean secure = request.isSecure();
        if (elder != null) {
            answer.header(HttpHeaders.SET_COOKIE, cookie(ReadingPreferences.ELDER_COOKIE, elder, secure));
        }
        if (size != null) {
            answer.header(HttpHeaders.SET_COOKIE, cookie(ReadingPreferences.SIZE_COOKIE, size, secure));
        }
        if (lang != null) {
            answer.header(HttpHeaders.SET_COOKIE, cookie(ReadingPreferences.LANG_COOKIE, lang, secure));
        }
        return answer.build();
    }

    /** A preference cookie: the whole site, a year, not sent along from other sites' pages' requests. */
    static String cookie(String name, String value, boolean secure) {
        return ResponseCookie.from(name, value).path("/").maxAge(KEPT).sameSite("Lax").httpOnly(true).secure(secure)
                .build().toString();
    }

    /**
     * The path (with its query) within this site that {@code back} names, without any {@code lang} switch of its own
     * (it would undo the choice), or null when it names anything else: another host ({@code //host},
     * {@code /\host}), a scheme, or characters a browser would drop or reinterpret.
     */
    static String sameSitePath(String back) {
        if (back.length() > MAX_RETURN || !back.startsWith("/") || back.startsWith("//")
                || back.indexOf('\\') >= 0) {
            return null;
        }
        StringBuilder ascii = new StringBuilder(back.length());
        for (byte b : back.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c == 0x7f) {
                return null;
            }
            ascii.append(c < 0x7f ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        URI uri;
        try {
            uri = new URI(ascii.toString());
        } catch (URISyntaxException e) {
            return null;
        }
        if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null
                || !uri.getRawPath().startsWith("/")) {
            return null;
        }
        String query = uri.getRawQuery();
        StringBuilder kept = new StringBuilder();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty() && !pair.startsWith("lang=")) {
                    kept.append(kept.length() == 0 ? "?" : "&").append(pair);
                }
            }
        }
        return uri.getRawPath() + kept;
    }
}
