package gongkai.web.internal;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.ConflictProblem;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.TooManyRequestsProblem;

/**
 * Turns every failure into something a person can act on: {@code application/problem+json} with a Chinese detail
 * (and each bad field under {@code errors}) on the API, the error page with the same message elsewhere. Never a
 * stack trace.
 */
@ControllerAdvice
class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    private record Failure(HttpStatus status, String title, String detail, List<InvalidInputProblem.FieldError> errors) {
    }

    @ExceptionHandler(InvalidInputProblem.class)
    Object invalid(InvalidInputProblem e, HttpServletRequest request) {
        return respond(request, new Failure(HttpStatus.BAD_REQUEST, "输入有误", e.getMessage(), e.errors()));
    }

    @ExceptionHandler(BindException.class)
    Object bind(BindException e, HttpServletRequest request) {
        List<InvalidInputProblem.FieldError> errors = new ArrayList<>();
        // Bean Validation reports violations as a set: list them in the order the input declares its fields, so that
        // the answer (and its detail, the first error) is the same every time.
        List<String> order = fieldOrder(e.getBindingResult().getTarget());
        e.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparingInt((org.springframework.validation.FieldError f) -> position(order,
                        f.getField())).thenComparing(org.springframework.validation.FieldError::getField)
                        .thenComparing(f -> String.valueOf(f.getDefaultMessage())))
                .forEach(f -> errors.add(new InvalidInputProblem.FieldError(f.getField(),
                        f.isBindingFailure() ? "“" + f.getField() + "”的值格式不正确" : f.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(
                new InvalidInputProblem.FieldError(g.getObjectName(), g.getDefaultMessage())));
        String detail = errors.isEmpty() ? "输入有误。" : errors.get(0).field() + "：" + errors.get(0).message();
        return respond(request, new Failure(HttpStatus.BAD_REQUEST, "输入有误", detail, errors));
    }

    /** The names of the input's fields as declared: a record's components, else the class's own fields. */
    private static List<String> fieldOrder(Object target) {
        if (target == null) {
            return List.of();
        }
        Class<?> type = target.getClass();
        if (type.isRecord()) {
            return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        }
        return Arrays.stream(type.getDeclaredFields()).map(Field::getName).toList();
    }

    /** The field's place in that order; a nested path ({@code rows[0].name}) counts by its first name. */
    private static int position(List<String> order, String field) {
        int i = order.indexOf(field.split("[.\\[]", 2)[0]);
        return i < 0 ? order.size() : i;
    }

    @ExceptionHandler(ConstraintViolationException.class)
    Object violation(ConstraintViolationException e, HttpServletRequest request) {
        List<InvalidInputProblem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new InvalidInputProblem.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return respond(request, new Failure(HttpStatus.BAD_REQUEST, "输入有误",
                errors.isEmpty() ? "输入有误。" : errors.get(0).message(), errors));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return respond(request, new Failure(HttpStatus.BAD_REQUEST, "请求体无法解析",
                "请求体不是有效的JSON，或某个字段的值类型不对（例如角色只能是 EDITOR、REVIEWER、APPROVER、ADMIN、AUDITOR）。",
                List.of()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return respond(request, new Failure(HttpStatus.BAD_REQUEST, "参数有误", "参数“" + e.getName() + "”的值格式不正确。",
                List.of(new InvalidInputProblem.FieldError(e.getName(), "格式不正确"))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    Object missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return respond(request, new Failure(HttpStatus.BAD_REQUEST, "缺少参数", "缺少参数“" + e.getParameterName() + "”。",
                List.of(new InvalidInputProblem.FieldError(e.getParameterName(), "不能为空"))));
    }

    @ExceptionHandler({NotFoundProblem.class})
    Object notFound(NotFoundProblem e, HttpServletRequest request) {
        return respond(request, new Failure(HttpStatus.NOT_FOUND, "未找到", e.getMessage(), List.of()));
    }

    @ExceptionHandler(ConflictProblem.class)
    Object conflict(ConflictProblem e, HttpServletRequest request) {
        return respond(request, new Failure(HttpStatus.CONFLICT, "状态不符", e.getMessage(), List.of()));
    }

    @ExceptionHandler(TooManyRequestsProblem.class)
    Object tooMany(TooManyRequestsProblem e, HttpServletRequest request) {
        return respond(request, new Failure(HttpStatus.TOO_MANY_REQUESTS, "请求过于频繁", e.getMessage(), List.of()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object noResource(NoResourceFoundException e, HttpServletRequest request) {
        return respond(request, new Failure(HttpStatus.NOT_FOUND, "未找到", "您访问的页面不存在。", List.of()));
    }

    @ExceptionHandler({AccessDeniedProblem.class, AccessDeniedException.class})
    Object denied(RuntimeException e, HttpServletRequest request) {
        String detail = e instanceof AccessDeniedProblem ? e.getMessage() : "您的角色或所属机构无权进行此操作。";
        return respond(request, new Failure(HttpStatus.FORBIDDEN, "无权操作", detail, List.of()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return respond(request, new Failure(HttpStatus.METHOD_NOT_ALLOWED, "方法不支持",
                "此地址不支持 " + e.getMethod() + " 请求。", List.of()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return respond(request, new Failure(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "格式不支持",
                "请以 Content-Type: application/json 提交。", List.of()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return respond(request, new Failure(HttpStatus.CONTENT_TOO_LARGE, "文件过大",
                "上传的文件超过了允许的大小，请压缩或拆分后再上传。", List.of(new InvalidInputProblem.FieldError("file", "文件超过了允许的大小。"))));
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(request, new Failure(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误",
                "服务器处理请求时出错，请稍后再试；如仍有问题请联系网站管理员。", List.of()));
    }

    private static Object respond(HttpServletRequest request, Failure f) {
        if (wantsProblem(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(f.status(), f.detail());
            problem.setTitle(f.title());
            problem.setInstance(URI.create(request.getRequestURI()));
            if (!f.errors().isEmpty()) {
                problem.setProperty("errors", f.errors());
            }
            return ResponseEntity.status(f.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(f.status());
        page.addObject("status", f.status().value());
        // Not "title": the layout's fragment takes a parameter of that name, which would hide it in the page.
        page.addObject("heading", f.title());
        page.addObject("detail", f.detail());
        page.addObject("errors", f.errors());
        return page;
    }

    private static boolean wantsProblem(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        // Feed readers are programs too, and an HTML page at a ".atom" address would go out typed as Atom.
        return request.getRequestURI().startsWith("/api/") || request.getRequestURI().startsWith("/feeds/")
                || (accept != null && accept.contains("json") && !accept.contains("text/html"));
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
