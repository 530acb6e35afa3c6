package gongkai.web.internal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.servlet.filter.OrderedFilter;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.util.UrlPathHelper;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import gongkai.shared.InvalidInputProblem;
import gongkai.shared.UnsafeCharacters;

/**
 * Refuses, before anything reads it, a request whose text holds a character the platform cannot store or print
 * ({@link UnsafeCharacters}): in the path, a header, a parameter of the query or the form, a multipart part's name
 * or file name, or any string (or property name) of a JSON body. It also refuses parameters that are not valid
 * percent-encoded UTF-8 ({@code ?q=%ff}), which Tomcat otherwise reports as an exception from wherever they are first
 * read. One place for every form and endpoint, so that no controller can forget it.
 *
 * <p>The refusal goes through {@link ErrorHandling} like any other invalid input: problem details on the API, the
 * error page naming the field elsewhere. The filter sits after the request context is bound and before Spring
 * Security, whose CSRF check would otherwise be the first to read (and trip over) the parameters.
 */
@Component
class TextInputFilter extends OncePerRequestFilter implements OrderedFilter {

    private static final UrlPathHelper PATHS = new UrlPathHelper();
    private static final int MAX_JSON_BYTES = 16 * 1024 * 1024;

    private final HandlerExceptionResolver errors;
    private final ObjectProvider<ViewResolver> views;
    private final JsonMapper json;

    TextInputFilter(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors,
            ObjectProvider<ViewResolver> views, JsonMapper json) {
        this.errors = errors;
        this.views = views;
        this.json = json;
    }

    @Override
    public int getOrder() {
        // After RequestContextFilter (-105), before Spring Security (-100).
        return REQUEST_WRAPPER_FILTER_MAX_ORDER - 104;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest next = request;
        InvalidInputProblem.FieldError refused = pathOrHeader(request);
        if (refused == null) {
            try {
                refused = parameters(request);
            } catch (InvalidParameterException e) {
                if (!undecodable(e)) {
                    // Too many or too large parameters: left to whatever reads them, as before.
                    chain.doFilter(request, response);
                    return;
                }
                refused = undecodableParameter(request);
            }
        }
        if (refused == null && isJson(request)) {
            // Read whole to be checked, so bounded: far above any record or request the API takes.
            byte[] body = request.getContentLengthLong() > MAX_JSON_BYTES ? null
                    : request.getInputStream().readNBytes(MAX_JSON_BYTES + 1);
            if (body == null || body.length > MAX_JSON_BYTES) {
                refused = new InvalidInputProblem.FieldError("请求体",
                        "请求体超过" + MAX_JSON_BYTES / (1024 * 1024) + "MB，无法处理。");
            } else {
                next = new ReadAgain(request, body);
                refused = jsonBody(body);
            }
        }
        if (refused != null) {
            refuse(request, response, new InvalidInputProblem(java.util.List.of(refused)));
            return;
        }
        chain.doFilter(next, response);
    }

    private static InvalidInputProblem.FieldError pathOrHeader(HttpServletRequest request) {
        InvalidInputProblem.FieldError e = UnsafeCharacters.complaint("地址", PATHS.getPathWithinApplication(request));
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                e = e != null ? e : UnsafeCharacters.complaint("请求头 " + name, value);
            }
        }
        return e;
    }

    private static InvalidInputProblem.FieldError parameters(HttpServletRequest request)
            throws IOException, ServletException {
        for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
            InvalidInputProblem.FieldError e = UnsafeCharacters.complaint("参数名", p.getKey());
            for (String value : p.getValue()) {
                e = e != null ? e : UnsafeCharacters.complaint(p.getKey(), value);
            }
            if (e != null) {
                return e;
            }
        }
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            java.util.Collection<Part> parts;
            try {
                parts = request.getParts();
            } catch (IOException | ServletException | IllegalStateException e) {
                // Too large or malformed: the multipart resolver reports it as it always has.
                return null;
            }
            for (Part part : parts) {
                InvalidInputProblem.FieldError e = UnsafeCharacters.complaint("参数名", part.getName());
                if (e == null && part.getSubmittedFileName() != null) {
                    e = UnsafeCharacters.complaint(part.getName() + "（文件名）", part.getSubmittedFileName());
                }
                if (e != null) {
                    return e;
                }
            }
        }
        return null;
    }

    /**
     * Tomcat's way of saying that a parameter does not decode: the charset decoder's complaint, or the URL decoder's
     * (a plain IOException: a '%' not followed by two hex digits). Size limits and broken multipart bodies come with
     * other causes, and are left to whatever reads the parameters, as before.
     */
    private static boolean undecodable(InvalidParameterException e) {
        Throwable cause = e.getCause();
        return cause instanceof CharacterCodingException || cause != null && cause.getClass() == IOException.class;
    }

    /** Names the parameter of the query string that does not decode; one of the form's when the query is fine. */
    private static InvalidInputProblem.FieldError undecodableParameter(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String decodedName = strictlyDecoded(name);
                if (decodedName == null || eq >= 0 && strictlyDecoded(pair.substring(eq + 1)) == null) {
                    String field = decodedName == null || decodedName.isBlank() ? "参数名" : decodedName;
                    return new InvalidInputProblem.FieldError(field, "参数“" + field
                            + "”的编码无效：地址中的 % 之后应是 UTF-8 字符的十六进制编码。请检查链接是否完整。");
                }
            }
        }
        return new InvalidInputProblem.FieldError("表单", "表单中有参数的编码无效（应为 UTF-8），无法识别。请刷新页面后重新提交。");
    }

    /** The percent-decoded text, or null when it is not valid percent-encoded UTF-8. */
    private static String strictlyDecoded(String encoded) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length() || Character.digit(encoded.charAt(i + 1), 16) < 0
                        || Character.digit(encoded.charAt(i + 2), 16) < 0) {
                    return null;
                }
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c == '+' ? ' ' : c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        try {
            MediaType media = MediaType.parseMediaType(type);
            return MediaType.APPLICATION_JSON.isCompatibleWith(media) || media.getSubtype().endsWith("+json");
        } catch (org.springframework.util.InvalidMimeTypeException e) {
            return false;
        }
    }

    /** The first string or property name of the body with an unsafe character, named by its path in the body. */
    private InvalidInputProblem.FieldError jsonBody(byte[] body) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JacksonException e) {
            // Not JSON at all: the message converter reports it as it always has.
            return null;
        }
        return tree == null ? null : json(tree, "");
    }

    private static InvalidInputProblem.FieldError json(JsonNode node, String path) {
        if (node.isString()) {
            return UnsafeCharacters.complaint(path.isEmpty() ? "请求体" : path, node.stringValue());
        }
        if (node.isArray()) {
            int i = 0;
            for (JsonNode element : node.values()) {
                InvalidInputProblem.FieldError e = json(element, path + "[" + i++ + "]");
                if (e != null) {
                    return e;
                }
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                String at = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
                InvalidInputProblem.FieldError e = UnsafeCharacters.complaint(path.isEmpty() ? "请求体" : path,
                        property.getKey());
                e = e != null ? e : json(property.getValue(), at);
                if (e != null) {
                    return e;
                }
            }
        }
        return null;
    }

    /** Answers as the controllers' own invalid input is answered, through {@link ErrorHandling}. */
    private void refuse(HttpServletRequest request, HttpServletResponse response, InvalidInputProblem problem)
            throws ServletException, IOException {
        ModelAndView page = errors.resolveException(request, response, null, problem);
        if (page == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        if (page.isEmpty()) {
            return;
        }
        if (page.getStatus() != null) {
            response.setStatus(page.getStatus().value());
        }
        View view = page.getView();
        for (ViewResolver resolver : (Iterable<ViewResolver>) views.orderedStream()::iterator) {
            if (view != null) {
                break;
            }
            try {
                view = resolver.resolveViewName(page.getViewName(), Locale.SIMPLIFIED_CHINESE);
            } catch (Exception e) {
                throw new ServletException("Cannot resolve the error view", e);
            }
        }
        if (view == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        try {
            view.render(page.getModel(), request, response);
        } catch (Exception e) {
            throw new ServletException("Cannot render the error view", e);
        }
    }

    /** The request with its body, already read for the check, given again to whoever reads it next. */
    private static final class ReadAgain extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("Synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
