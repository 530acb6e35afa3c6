/**
 * Requests for information (依申请公开): intake on the public form, the API and by staff; the statutory clock in working
 * days ({@link gongkai.requests.RequestClock}, replayed from each request's event log); correction, consultation,
 * extension, fees, transfer; the outcomes of the national annual report and the reply letter; table 三 of the annual
 * report and the public statistics. It owns the {@code info_request*} tables.
 *
 * <p>Its services follow the use cases: {@link gongkai.requests.RequestIntake},
 * {@link gongkai.requests.ApplicantAccess}, {@link gongkai.requests.RequestHandling} and
 * {@link gongkai.requests.ClockKeeping}; which staff step is allowed today is the clock's to say
 * ({@link gongkai.requests.RequestClock#allowedSteps}).
 */
package gongkai.requests;
