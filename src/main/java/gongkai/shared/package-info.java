/**
 * The shared kernel: the few types every module may use without creating a dependency cycle — who is acting
 * ({@link gongkai.shared.Actor}), the audited-change event every amendment publishes, the platform's settings,
 * the reference-file reader, the public side's flood limits ({@link gongkai.shared.FloodLimits}), and the exceptions
 * that the web layer turns into problem details.
 * It depends on no other module; keep it small.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package gongkai.shared;
