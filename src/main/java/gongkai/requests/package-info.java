/**
 * Requests for information (依申请公开): intake on the public form, the API and by staff; the statutory clock in working
 * days ({@link gongkai.requests.RequestClock}, replayed from each request's event log); correction, consultation,
 * extension, fees, transfer; the outcomes of the national annual report and the reply letter; the reviews and lawsuits
 * brought against a request; the annual report's table 三, table 四 and fees collected, and the public statistics. It
 * owns the {@code info_request*} tables and {@code request_appeal}.
 *
 * <p>Its services follow the use cases: {@link gongkai.requests.RequestIntake},
 * {@link gongkai.requests.ApplicantAccess}, {@link gongkai.requests.RequestHandling},
 * {@link gongkai.requests.ClockKeeping} and {@link gongkai.requests.Appeals}; which staff step is allowed today is
 * the clock's to say ({@link gongkai.requests.RequestClock#allowedSteps}).
 */
package gongkai.requests;
