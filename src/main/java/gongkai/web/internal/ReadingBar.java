package gongkai.web.internal;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What the layouts need for the reading bar and the page's {@code <html>}: the reader's preferences and the page to
 * come back to after a switch. A request attribute ({@value #ATTRIBUTE}) set before anything renders, so that every
 * page has it, error pages included.
 */
record ReadingBar(boolean elder, String size, boolean traditional, String htmlClass, String lang, String returnTo) {

    static final String ATTRIBUTE = "readingBar";

    static ReadingBar of(HttpServletRequest request, ReadingPreferences preferences) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        String back = PreferencesController.sameSitePath(query == null || query.isEmpty() ? path : path + '?' + query);
        return new ReadingBar(preferences.elder(), preferences.size().value, preferences.traditional(),
                preferences.htmlClass(), preferences.lang(), back == null ? "/" : back);
    }
}
